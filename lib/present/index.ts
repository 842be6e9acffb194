export * from '@/lib/present/consistency-labels';
export * from '@/lib/present/format';
export * from '@/lib/present/labels';
export * from '@/lib/present/messages';
export * from '@/lib/present/present';
