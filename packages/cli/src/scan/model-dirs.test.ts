import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseModelDirs } from './model-dirs.js';

describe('parseModelDirs', () => {
  it('gives a bare folder to the only selected scanner', () => {
    expect(parseModelDirs(['/m/pi'], ['PromptInjection'])).toEqual(new Map([['PromptInjection', '/m/pi']]));
  });
  it('names scanners with Name=DIR, case-insensitively, later values winning', () => {
    const dirs = parseModelDirs(['toxicity=/a', 'Toxicity=/b', 'prompt-injection=C:/x=y'], ['PromptInjection', 'Toxicity']);
    expect(dirs).toEqual(new Map([['Toxicity', '/b'], ['PromptInjection', 'C:/x=y']]));
  });
  it('refuses an ambiguous bare folder, an unknown scanner and an empty folder', () => {
    expect(() => parseModelDirs(['/m'], ['PromptInjection', 'Toxicity'])).toThrow(UsageError);
    expect(() => parseModelDirs(['Sentiment=/m'], ['PromptInjection'])).toThrow(UsageError);
    expect(() => parseModelDirs(['Toxicity='], ['Toxicity'])).toThrow(UsageError);
  });
});
