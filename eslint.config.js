// Lint rules, including the layer table of the design guide: dependencies point one way,
// discord -> app -> { db, lab, content } -> domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banned = (names, why) => names.map((name) => ({ group: [name, `${name}/*`], message: why }));
const layer = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
});
const infra = ['discord.js', 'drizzle-orm', 'better-sqlite3', 'dockerode'];
const nodeIo = ['node:fs', 'node:net', 'node:http', 'node:https', 'fs', 'net', 'http', 'https'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use union string types and as const.' }],
    },
  },
  // src/domain is pure. Relative paths that leave it start with ../ from a top-level domain file,
  // or ../../ from one folder down.
  ...[['src/domain/*.ts', '../*'], ['src/domain/*/**', '../../*']].map(([files, outside]) =>
    layer([files], [...banned([...infra, ...nodeIo], 'domain is pure: no I/O or framework imports'), { group: [outside], message: 'domain imports nothing above it' }], {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain is given `now`' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain is given `now`' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain is given `rng`' },
        { selector: 'TSEnumDeclaration', message: 'Use union string types and as const.' },
      ],
    })),
  layer(['src/content/**'], banned(['discord.js', '**/db/**', '**/discord/**'], 'content may not import discord.js or db')),
  layer(['src/db/**'], banned(['discord.js', 'dockerode', '**/lab/**', '**/discord/**'], 'db may not import discord.js or lab')),
  layer(['src/lab/**'], banned(['discord.js', 'drizzle-orm', 'better-sqlite3', '**/db/**', '**/discord/**'], 'lab may not import discord.js or db')),
  layer(['src/app/**'], banned(['discord.js', '**/discord/**'], 'app may not import discord.js')),
  layer(['src/discord/**'], banned(['drizzle-orm', 'better-sqlite3', '**/db/**'], 'discord adapters go through app services')),
  // ... and never reach the engine side (src/lab) either: what the UI needs lives in domain or app.
  // (src/discord/lab is the adapter's own lab folder, so the ban names src/lab by its relative path.)
  layer(['src/discord/*.ts'], [...banned(['drizzle-orm', 'better-sqlite3', '**/db/**'], 'discord adapters go through app services'), { group: ['../lab/*', '../lab/**'], message: 'discord may not import src/lab' }]),
  layer(['src/discord/*/**'], [...banned(['drizzle-orm', 'better-sqlite3', '**/db/**'], 'discord adapters go through app services'), { group: ['../../lab/*', '../../lab/**'], message: 'discord may not import src/lab' }]),
  layer(['src/i18n/**'], banned(['discord.js', 'drizzle-orm', 'better-sqlite3', 'dockerode', '**/db/**', '**/app/**', '**/discord/**', '**/lab/**'], 'i18n imports nothing')),
  {
    files: ['src/**'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' }],
    },
  },
);
