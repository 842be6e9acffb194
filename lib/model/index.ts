export * from './audit';
export * from './chunk';
export * from './common';
export * from './event';
export * from './recorder';
export * from './walk';
export * from './export';
