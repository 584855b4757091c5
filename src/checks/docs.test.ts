/** docs/rules.md keeps up with the registry and the rubric. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { loadCheckData } from './load.js';
import { RULES } from './rules/index.js';

const RULES_MD = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
const CONFIG_MD = readFileSync(new URL('../../docs/config.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it('documents every rule under its id, with examples and options', () => {
    for (const { meta } of RULES) {
      const start = RULES_MD.indexOf(`### \`${meta.id}\``);
      expect(start, meta.id).toBeGreaterThan(0);
      const section = RULES_MD.slice(start, RULES_MD.indexOf('\n### ', start + 1));
      expect(section, meta.id).toContain(`**Severity** ${meta.severity}`);
      expect(section, meta.id).toMatch(/- Fires: /u);
      expect(section, meta.id).toMatch(/- Does not fire: /u);
      expect(section, meta.id).toMatch(/Options:/u);
    }
  });

  it('lists every rule in the summary with its recommended and strict severity', () => {
    const recommended = resolveConfig().rules;
    const strict = resolveConfig({ extends: 'strict' }).rules;
    for (const { meta } of RULES) {
      const row = RULES_MD.split('\n').find((l) => l.startsWith(`| [\`${meta.id}\`]`));
      expect(row, meta.id).toBeDefined();
      const [, , rec, str] = (row as string).split('|').map((c) => c.trim());
      expect(rec, meta.id).toBe(recommended[meta.id]?.severity ?? 'off');
      expect(str, meta.id).toBe(strict[meta.id]?.severity);
    }
  });

  it('documents every dimension of the rubric with its weight', () => {
    for (const d of loadCheckData().rubric.dimensions) {
      expect(RULES_MD, d.id).toMatch(
        new RegExp(`\\|\\s*${d.id}\\s*\\|\\s*${d.name} [^|]*\\|\\s*${d.weight}\\s*\\|`, 'u'),
      );
    }
  });
});

describe('docs/config.md', () => {
  it('documents the directives and the config keys', () => {
    for (const word of [
      'fazhi-disable-next-line',
      'fazhi-disable-line',
      'fazhi-enable',
      'fazhi-disable-file',
    ]) {
      expect(CONFIG_MD).toContain(word);
    }
    for (const key of [
      'extends',
      'rules',
      'overrides',
      'ignores',
      'noInlineConfig',
      'reportUnusedDirectives',
    ]) {
      expect(CONFIG_MD).toContain(`\`${key}\``);
    }
  });
});
