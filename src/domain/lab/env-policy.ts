/*
 * Which `-e KEY=VALUE` a learner may set. The course only needs plain settings such as
 * `-e GREETING=hello`; anything that changes how programs inside the container are loaded or
 * interpreted is refused, because the images run code (httpd, nginx, busybox sh) that honours them.
 */

/** Upper-case letters, digits and `_`, not starting with a digit, at most 64 characters. */
const keyPattern = /^[A-Z_][A-Z0-9_]{0,63}$/;
export const maxEnvValueLength = 256;
/** `-e` flags on one container. */
export const maxEnvPerContainer = 10;

// Exact keys that steer a loader, a shell or a language runtime:
// - glibc reads GCONV_PATH/NLSPATH/LOCPATH (loads modules and catalogs from a path), HOSTALIASES,
//   RES_OPTIONS and LOCALDOMAIN (name resolution), TZDIR (time-zone files), GLIBC_TUNABLES (allocator
//   and CPU tuning; CVE-2023-4911 was an overflow in its parser);
// - shells read PATH (which binary runs), IFS (word splitting), ENV and BASH_ENV (a script run at
//   start-up), SHELLOPTS/BASHOPTS, PS4 and PROMPT_COMMAND (evaluated code);
// - runtimes load code from NODE_OPTIONS/NODE_PATH, CLASSPATH and the JVM option variables.
const deniedKeys: ReadonlySet<string> = new Set([
  'PATH', 'IFS', 'ENV', 'BASH_ENV', 'SHELLOPTS', 'BASHOPTS', 'PS4', 'PROMPT_COMMAND', 'CDPATH',
  'GCONV_PATH', 'NLSPATH', 'LOCPATH', 'HOSTALIASES', 'RES_OPTIONS', 'LOCALDOMAIN', 'TZDIR', 'GLIBC_TUNABLES',
  'NODE_OPTIONS', 'NODE_PATH', 'CLASSPATH', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS',
  'RUBYOPT', 'RUBYLIB', 'PERLLIB', 'LUA_PATH', 'LUA_CPATH',
]);
// Whole families: the dynamic loader (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT…), glibc's allocator
// (MALLOC_*), Python and Perl start-up (PYTHONPATH, PYTHONSTARTUP, PERL5OPT, PERL5LIB…), and bash's
// exported functions (BASH_FUNC_*), which is how Shellshock got in.
const deniedPrefixes = ['LD_', 'MALLOC_', 'PYTHON', 'PERL5', 'BASH_FUNC_', 'DYLD_'] as const;

// C0 controls, DEL and C1 controls: a value is one line of plain text.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

export type EnvVerdict = 'ok' | 'malformed' | 'denied-key';

/** Judges one `KEY=VALUE` pair: a malformed pair teaches the format, a denied key explains why. */
export function judgeEnv(key: string, value: string): EnvVerdict {
  if (!keyPattern.test(key) || value.length > maxEnvValueLength || controlChars.test(value)) return 'malformed';
  if (deniedKeys.has(key) || deniedPrefixes.some((prefix) => key.startsWith(prefix))) return 'denied-key';
  return 'ok';
}
