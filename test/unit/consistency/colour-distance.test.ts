import { normaliseColour, sameColour } from '@/lib/consistency/colour-distance';

describe('colour normalisation', () => {
  it('reads what computed styles give, in any space, as #rrggbb', () => {
    expect(normaliseColour('rgb(13, 110, 253)')).toBe('#0d6efd');
    expect(normaliseColour('rgba(13, 110, 253, 0.5)')).toBe('#0d6efd');
    expect(normaliseColour('#ABC')).toBe('#aabbcc');
    expect(normaliseColour('red')).toBe('#ff0000');
    expect(normaliseColour('color(srgb 0.1 0.2 0.3)')).toBe('#1a334d');
    expect(normaliseColour('hsl(0 100% 50%)')).toBe('#ff0000');
    expect(normaliseColour('color(display-p3 1 0 0)')).toBe('#ff0000'); // wide gamut, clamped to sRGB
    expect(normaliseColour('oklch(0.5 0.2 30)')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives nothing for no colour: transparent, junk, oversized input', () => {
    expect(normaliseColour('rgba(0, 0, 0, 0)')).toBeNull();
    expect(normaliseColour('transparent')).toBeNull();
    expect(normaliseColour('not a colour')).toBeNull();
    expect(normaliseColour('')).toBeNull();
    expect(normaliseColour(`rgb(${'1'.repeat(500)}, 0, 0)`)).toBeNull();
  });
});

describe('sameColour (CIEDE2000, tolerance 2)', () => {
  it('takes shades the eye cannot tell apart as one colour', () => {
    expect(sameColour('#d9d9d9', '#dadada')).toBe(true);
    expect(sameColour('#0d6efd', 'rgb(13, 110, 253)')).toBe(true);
    expect(sameColour('#0d6efd', '#0e6ffd')).toBe(true);
  });

  it('keeps different colours apart: another hue, a hover shade, near-black against black', () => {
    expect(sameColour('#0a58ca', '#dc3545')).toBe(false);
    expect(sameColour('#0d6efd', '#0b5ed7')).toBe(false);
    expect(sameColour('#212529', '#000000')).toBe(false);
  });

  it('never matches an unreadable colour, not even with itself', () => {
    expect(sameColour('junk', 'junk')).toBe(false);
    expect(sameColour('transparent', '#000000')).toBe(false);
  });
});
