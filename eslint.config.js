// Lint rules, including the layer table of the design guide: dependencies point one way,
// discord -> app -> { db, lab, content } -> domain; llm is an outbound adapter like lab;
// standin is a test double of Discord; console is a terminal front end over the bot and the stand-in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banned = (names, why) => names.map((name) => ({ group: [name, `${name}/*`], message: why }));
// A top-level folder of src, reached by a relative path from a file `depth` folders below src.
// Rules are split by depth so that e.g. src/discord/lab/ (allowed) is not mistaken for src/lab/ (banned).
const srcFolder = (name, depth) => `${'../'.repeat(depth)}${name}`;
const layerFolders = (names, depth, why) =>
  names.map((name) => srcFolder(name, depth)).map((path) => ({ group: [path, `${path}/**`], message: why }));
const noDrizzle = banned(['drizzle-orm'], 'only src/db uses drizzle: repositories return domain records');
const layer = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...(files.every((f) => f.startsWith('src/db/')) ? [] : noDrizzle), ...patterns] }], ...extra },
});
// The same rule for files directly in a folder (one level below src) and in its subfolders (two levels).
const folderLayer = (folder, packages, folders, why) => [
  layer([`src/${folder}/*.ts`], [...banned(packages, why), ...layerFolders(folders, 1, why)]),
  layer([`src/${folder}/*/**`], [...banned(packages, why), ...layerFolders(folders, 2, why)]),
];
const infra = ['discord.js', 'drizzle-orm', 'better-sqlite3', 'dockerode'];
const nodeIo = ['node:fs', 'node:net', 'node:http', 'node:https', 'fs', 'net', 'http', 'https'];
const noEnum = { selector: 'TSEnumDeclaration', message: 'Use union string types and as const.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'migrations/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', noEnum],
    },
  },
  // Everywhere (src, test, bench): drizzle stays inside src/db. The layers below repeat this ban,
  // because a later `no-restricted-imports` replaces an earlier one instead of adding to it.
  layer(['**/*.ts', '**/*.js'], []),
  // src/domain is pure. Relative paths that leave it start with ../ from a top-level domain file,
  // or ../../ from one folder down.
  ...[['src/domain/*.ts', '../*'], ['src/domain/*/**', '../../*']].map(([files, outside]) =>
    layer([files], [...banned([...infra, ...nodeIo], 'domain is pure: no I/O or framework imports'), { group: [outside], message: 'domain imports nothing above it' }], {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain is given `now`' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain is given `now`' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain is given `rng`' },
        noEnum,
      ],
    })),
  ...folderLayer('content', ['discord.js'], ['db', 'discord', 'app', 'lab', 'llm'], 'content may not import discord.js, db or the layers above'),
  ...folderLayer('db', ['discord.js', 'dockerode'], ['lab', 'discord', 'app', 'i18n', 'llm'], 'db may not import discord.js, lab, i18n or the layers above'),
  ...folderLayer('lab', ['discord.js', 'better-sqlite3'], ['db', 'discord', 'app', 'llm'], 'lab may not import discord.js or db'),
  ...folderLayer('llm', ['discord.js', 'better-sqlite3', 'dockerode'], ['db', 'discord', 'app', 'lab', 'i18n'], 'llm is an outbound adapter: no discord, db, lab or app'),
  ...folderLayer('app', ['discord.js'], ['discord'], 'app may not import discord.js'),
  ...folderLayer('discord', ['better-sqlite3', 'dockerode'], ['db', 'lab'], 'discord adapters go through app services (no db, no lab)'),
  ...folderLayer('i18n', infra, ['db', 'app', 'discord', 'lab', 'llm', 'content'], 'i18n imports nothing but domain'),
  // The stand-in is a test double of Discord: it knows Discord's API, never the bot it is tested with.
  ...folderLayer('standin', ['better-sqlite3', 'dockerode'],
    ['app', 'discord', 'db', 'lab', 'llm', 'content', 'i18n', 'console', 'bot.ts', 'main.ts', 'config.ts'],
    'the stand-in is a test double of Discord and may not import bot code'),
  // The console drives the whole bot (composition root) against the stand-in, like a user would.
  ...folderLayer('console', ['better-sqlite3', 'dockerode'], ['db', 'lab', 'app', 'discord', 'llm'],
    'the console talks to the bot through the stand-in, not to its layers'),
  {
    files: ['src/**'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' }],
    },
  },
);
