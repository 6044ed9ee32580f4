import { describe, expect, it } from 'vitest';
import { shortcutCommand } from '../../src/ui/shortcuts';

const running = { paused: false, confirmingEnd: false };
const paused = { paused: true, confirmingEnd: false };
const asking = { paused: true, confirmingEnd: true };

describe('keyboard shortcuts', () => {
  it('pauses and resumes with Space, moves between steps with the arrows, repeats with R', () => {
    expect(shortcutCommand(' ', 'BODY', running)).toBe('pause');
    expect(shortcutCommand(' ', 'MASSAGE-APP', paused)).toBe('resume');
    expect(shortcutCommand('ArrowRight', 'BODY', running)).toBe('next');
    expect(shortcutCommand('ArrowLeft', 'BODY', paused)).toBe('previous');
    expect(shortcutCommand('r', 'BODY', running)).toBe('repeat');
    expect(shortcutCommand('R', 'BODY', running)).toBe('repeat');
  });

  it('asks before ending with Escape, and Escape again takes the question back', () => {
    expect(shortcutCommand('Escape', 'BODY', running)).toBe('end');
    expect(shortcutCommand('Escape', 'BUTTON', asking)).toBe('cancel-end');
    expect(shortcutCommand(' ', 'BODY', asking)).toBeNull();
    expect(shortcutCommand('ArrowRight', 'BODY', asking)).toBeNull();
  });

  it('leaves keys to the fields and buttons they belong to, and to browser shortcuts', () => {
    expect(shortcutCommand(' ', 'BUTTON', running)).toBeNull();
    expect(shortcutCommand('ArrowRight', 'SELECT', running)).toBeNull();
    expect(shortcutCommand('r', 'INPUT', running)).toBeNull();
    expect(shortcutCommand('ArrowLeft', 'BODY', running, true)).toBeNull();
    expect(shortcutCommand('ArrowRight', 'BUTTON', running)).toBe('next');
    expect(shortcutCommand('x', 'BODY', running)).toBeNull();
  });
});
