#!/usr/bin/env python3
"""Run the native (ELF) tests of a configured meson build directory.

Used by scripts/full-check.sh for the sanitizer, valgrind, thread and coverage
steps. Tests are taken from `meson introspect --tests`, so new tests need no
change here. A test is selected when its command is an ELF executable built
in the build directory (a cmocka test, an example program, the CLI run
directly), or when it belongs to one of the --any-command suites (default
`cli`). Tests that load the library into an interpreter (python, node) are
never selected: their command is not an ELF file of the build tree, and the
suites python/node/bench/docs/abi/pkgconfig are excluded outright.

Usage:
  run_native_tests.py BUILDDIR [--wrapper CMD] [--name-prefix P]
                      [--any-command-suite S]... [--exclude-suite S]...
                      [--timeout-multiplier N] [--jobs N] [--logdir DIR] [--list]

Exit status: 0 all selected tests passed, 1 a test failed, 77 nothing selected.
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
import time

DEFAULT_EXCLUDED = ['python', 'node', 'bench', 'docs', 'abi', 'pkgconfig', 'js', 'peers']


def suites_of(test):
    # introspection names suites "project:suite"; keep the suite part
    return {s.split(':', 1)[-1] for s in test.get('suite', [])}


def is_build_elf(path, builddir):
    """True for an executable of the build tree (one not built yet counts:
    it is a build target, since scripts are never generated into the tree)."""
    try:
        real = os.path.realpath(path)
        if not real.startswith(os.path.realpath(builddir) + os.sep):
            return False
        if not os.path.exists(real):
            return not real.endswith(('.py', '.js', '.mjs', '.sh'))
        with open(real, 'rb') as f:
            return f.read(4) == b'\x7fELF'
    except OSError:
        return False


def select(tests, builddir, args):
    chosen = []
    for t in tests:
        suites = suites_of(t)
        if suites & set(args.exclude_suite):
            continue
        if args.name_prefix and not t['name'].startswith(args.name_prefix):
            continue
        if is_build_elf(t['cmd'][0], builddir):
            chosen.append(t)
        elif suites & set(args.any_command_suite) and not args.elf_only:
            chosen.append(t)
    return chosen


def run_one(t, args, builddir):
    cmd = list(t['cmd'])
    if args.wrapper and is_build_elf(cmd[0], builddir):
        cmd = shlex.split(args.wrapper) + cmd
    env = dict(os.environ)
    env.update(t.get('env') or {})
    timeout = (t.get('timeout') or 30) * args.timeout_multiplier
    if timeout <= 0:
        timeout = None
    label = f"{'/'.join(sorted(suites_of(t)))}/{t['name']}"
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, env=env, cwd=t.get('workdir') or builddir,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        out, rc = p.stdout.decode('utf-8', 'replace'), p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace') + f'\n*** TIMEOUT after {timeout}s\n'
        rc = -999
    dur = time.monotonic() - start
    if t.get('should_fail'):
        rc = 0 if rc != 0 else 1
    return label, cmd, rc, out, dur


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('builddir')
    ap.add_argument('--wrapper', default='')
    ap.add_argument('--name-prefix', default='')
    ap.add_argument('--any-command-suite', action='append', default=None)
    ap.add_argument('--exclude-suite', action='append', default=[])
    ap.add_argument('--elf-only', action='store_true')
    ap.add_argument('--timeout-multiplier', type=float, default=1.0)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--logdir', default='')
    ap.add_argument('--list', action='store_true')
    args = ap.parse_args()
    if args.any_command_suite is None:
        args.any_command_suite = ['cli']
    args.exclude_suite += DEFAULT_EXCLUDED

    builddir = os.path.abspath(args.builddir)
    raw = subprocess.run(['meson', 'introspect', builddir, '--tests'],
                         check=True, stdout=subprocess.PIPE).stdout
    tests = select(json.loads(raw), builddir, args)
    if args.list:
        for t in tests:
            print(t['name'], ' '.join(sorted(suites_of(t))), ' '.join(t['cmd']))
        return 0
    if not tests:
        print('no matching tests')
        return 77

    if args.logdir:
        os.makedirs(args.logdir, exist_ok=True)
    failed, skipped = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_one, t, args, builddir) for t in tests]
        for fut in concurrent.futures.as_completed(futs):
            label, cmd, rc, out, dur = fut.result()
            if args.logdir:
                name = label.replace('/', '_') + '.log'
                with open(os.path.join(args.logdir, name), 'w', encoding='utf-8') as f:
                    f.write('$ ' + shlex.join(cmd) + '\n' + out + f'\nexit {rc}\n')
            if rc == 0:
                status = 'ok'
            elif rc == 77:
                status = 'skip'
                skipped += 1
            else:
                status = 'FAIL'
                failed.append((label, cmd, rc, out))
            print(f'{status:5} {label} ({dur:.1f}s)', flush=True)

    for label, cmd, rc, out in failed:
        print(f'\n===== {label}: exit {rc}\n$ {shlex.join(cmd)}')
        lines = out.splitlines()
        print('\n'.join(lines[-80:]))
    print(f'\n{len(tests)} tests: {len(tests) - len(failed) - skipped} passed, '
          f'{skipped} skipped, {len(failed)} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
