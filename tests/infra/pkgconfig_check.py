#!/usr/bin/env python3
"""pkg-config check (meson suite `pkgconfig`): install the build into a
temporary DESTDIR with `meson install`, then build and run a tiny program with
`pkg-config --cflags --libs qaward` against that installation.
Exit 77 (skip) when pkg-config is not installed."""
import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

PROGRAM = r'''
#include <qaward.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    printf("%s\n", qaward_version());
    return strcmp(qaward_version(), QAWARD_VERSION_STRING) != 0;
}
'''


def run(cmd, **kw):
    print('$ ' + shlex.join(cmd), flush=True)
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, **kw).stdout


def main():
    builddir, cc = sys.argv[1], shlex.split(sys.argv[2] if len(sys.argv) > 2 else 'cc')
    meson = shutil.which('meson')
    if not shutil.which('pkg-config') or not meson:
        print('pkg-config or meson not found: skipped')
        return 77
    with tempfile.TemporaryDirectory() as dest:
        run([meson, 'install', '-C', builddir, '--no-rebuild', '--quiet', '--destdir', dest])
        pcs = glob.glob(os.path.join(dest, '**', 'pkgconfig', 'qaward.pc'), recursive=True)
        if not pcs:
            print('qaward.pc was not installed')
            return 1
        pc = pcs[0]
        prefix = None
        with open(pc, encoding='utf-8') as f:
            for line in f:
                if line.startswith('prefix='):
                    prefix = line.split('=', 1)[1].strip()
        print(f'installed {os.path.relpath(pc, dest)} (prefix {prefix})')
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pc))
        env.pop('PKG_CONFIG_LIBDIR', None)
        pkg = ['pkg-config', '--define-variable=prefix=' + dest + prefix, 'qaward']
        run(['pkg-config', '--exists', '--print-errors', 'qaward'], env=env)
        flags = shlex.split(run(pkg[:1] + ['--cflags', '--libs'] + pkg[1:], env=env))
        libdir = run(pkg[:1] + ['--variable=libdir'] + pkg[1:], env=env).strip()
        src = os.path.join(dest, 'hello.c')
        exe = os.path.join(dest, 'hello')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(PROGRAM)
        run(cc + ['-std=c11', '-Wall', '-Werror', src, '-o', exe] + flags)
        out = run([exe], env=dict(os.environ, LD_LIBRARY_PATH=libdir))
        print('program printed ' + out.strip())
    print('pkg-config check passed')
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as e:
        print(f'command failed (exit {e.returncode}):\n{e.stdout or ""}')
        sys.exit(1)
