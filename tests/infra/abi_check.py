#!/usr/bin/env python3
"""ABI and header checks for libqaward (meson suite `abi`).

1. exported dynamic symbols of libqaward.so == names in lib/libqaward.map ==
   QAWARD_API declarations in include/qaward/*.h (scripts/genmap.py --check);
2. SONAME is libqaward.so.0.<QAWARD_VERSION_MINOR>; header version == project version;
3. every public header documents itself with @file (so Doxygen checks its members),
   is included by the umbrella include/qaward.h, and compiles alone (and twice)
   as C (-std=c11 -pedantic -Wall -Wextra -Werror) and as C++
   (-std=c++11 -Wall -Wextra -Werror); a C and a C++ program taking the address
   of every exported function link against the built library;
4. public headers hold no `long`, no varargs (`...`), no `static inline`, no
   bit-fields (DESIGN part C: bindable from any FFI).
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

problems = []


def fail(msg):
    problems.append(msg)
    print('FAIL: ' + msg)


def strip_c(text):
    """Remove comments and string/char literals, keeping line structure."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def header_symbols(srcdir):
    sys.path.insert(0, os.path.join(srcdir, 'scripts'))
    import genmap  # noqa: E402  (the map generator is the one parser of QAWARD_API)
    return set(genmap.symbols())


def map_symbols(srcdir):
    with open(os.path.join(srcdir, 'lib', 'libqaward.map'), encoding='utf-8') as f:
        text = strip_c(f.read())
    m = re.search(r'global\s*:(.*?)local\s*:', text, re.S)
    if not m:
        fail('lib/libqaward.map: no global:/local: sections')
        return set()
    return {s.strip() for s in m.group(1).split(';') if s.strip()}


def exported_symbols(lib):
    out = subprocess.run(['nm', '-D', '--defined-only', lib], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[1] in ('A', 'a'):
            continue  # version definition nodes (QAWARD_0.1)
        names.add(parts[2].split('@')[0])
    return names


def compare(a_name, a, b_name, b):
    if a != b:
        only_a, only_b = sorted(a - b), sorted(b - a)
        if only_a:
            fail(f'in {a_name} but not in {b_name}: {", ".join(only_a)}')
        if only_b:
            fail(f'in {b_name} but not in {a_name}: {", ".join(only_b)}')


def check_soname(lib, srcdir, version):
    out = subprocess.run(['readelf', '-d', lib], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    m = re.search(r'\(SONAME\).*\[(.*)\]', out)
    with open(os.path.join(srcdir, 'include', 'qaward', 'core.h'), encoding='utf-8') as f:
        core = f.read()
    minor = re.search(r'#define\s+QAWARD_VERSION_MINOR\s+(\d+)', core)
    hver = re.search(r'#define\s+QAWARD_VERSION_STRING\s+"([^"]+)"', core)
    if not m:
        fail(f'{lib}: no SONAME')
    elif not minor:
        fail('core.h: no QAWARD_VERSION_MINOR')
    elif m.group(1) != f'libqaward.so.0.{minor.group(1)}':
        fail(f'SONAME is {m.group(1)}, expected libqaward.so.0.{minor.group(1)}')
    else:
        print(f'ok: SONAME {m.group(1)}')
    if version and hver and hver.group(1) != version:
        fail(f'QAWARD_VERSION_STRING "{hver.group(1)}" != project version "{version}"')


HYGIENE = [
    (re.compile(r'\blong\b'), 'uses `long` (use int32_t/int64_t/size_t)'),
    (re.compile(r'\.\.\.|__VA_ARGS__|\bva_list\b'), 'uses varargs'),
    (re.compile(r'\bstatic\s+(__)?inline\b|\binline\s+static\b'), 'uses `static inline`'),
    (re.compile(r'^(?!\s*#)[^?\n]*\b\w+\s*:\s*\d+\s*[;,]', re.M), 'declares a bit-field'),
]


def check_header_text(path, rel):
    with open(path, encoding='utf-8') as f:
        raw = f.read()
    if not re.search(r'[@\\]file\b', raw):
        fail(f'{rel}: no @file comment (Doxygen would not check its declarations)')
    code = strip_c(raw)
    api = set(re.findall(r'QAWARD_API\b[^;{]*?\b(qaward_\w+)\s*\(', code, re.S))
    for m in re.finditer(r'^(?!\s*#).*?\b(qaward_\w+)\s*\(', code, re.M):
        if m.group(1) not in api:
            line = code.count('\n', 0, m.start()) + 1
            fail(f'{rel}:{line}: {m.group(1)} is declared without QAWARD_API')
    for rx, what in HYGIENE:
        for m in rx.finditer(code):
            line = code.count('\n', 0, m.start()) + 1
            fail(f'{rel}:{line}: {what}')


def compile_ok(cmd, src, what):
    with tempfile.TemporaryDirectory() as tmp:
        ext = '.cpp' if what.startswith('C++') else '.c'
        path = os.path.join(tmp, 't' + ext)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(src)
        full = cmd + [path]
        if '-c' in cmd:
            full += ['-o', os.path.join(tmp, 't.o')]
        p = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            fail(f'{what}: does not compile:\n$ {shlex.join(full)}\n{p.stdout}')
            return False
        return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--srcdir', required=True)
    ap.add_argument('--lib', required=True, help='path of the built shared libqaward')
    ap.add_argument('--version', default='')
    ap.add_argument('--cc', default='cc')
    ap.add_argument('--cxx', default='')
    a = ap.parse_args()
    inc = os.path.join(a.srcdir, 'include')

    # 1. symbols: headers == map == exported
    p = subprocess.run([sys.executable, os.path.join(a.srcdir, 'scripts', 'genmap.py'), '--check'])
    if p.returncode != 0:
        fail('lib/libqaward.map is out of date (run /usr/bin/python3 scripts/genmap.py)')
    hdr, mp, exp = header_symbols(a.srcdir), map_symbols(a.srcdir), exported_symbols(a.lib)
    compare('headers (QAWARD_API)', hdr, 'lib/libqaward.map', mp)
    compare('lib/libqaward.map', mp, 'exported symbols of ' + os.path.basename(a.lib), exp)
    print(f'ok: {len(exp)} exported symbols checked against map ({len(mp)}) and headers ({len(hdr)})')

    # 2. SONAME and version
    check_soname(a.lib, a.srcdir, a.version)

    # 3./4. headers
    headers = sorted(glob.glob(os.path.join(inc, 'qaward', '*.h')))
    with open(os.path.join(inc, 'qaward.h'), encoding='utf-8') as f:
        umbrella = f.read()
    included = set(re.findall(r'#\s*include\s*[<"]qaward/([\w.]+)[>"]', umbrella))
    for h in headers:
        rel = os.path.relpath(h, a.srcdir)
        if os.path.basename(h) not in included:
            fail(f'{rel} is not included by include/qaward.h')
        check_header_text(h, rel)
    check_header_text(os.path.join(inc, 'qaward.h'), 'include/qaward.h')

    cc = shlex.split(a.cc)
    cxx = shlex.split(a.cxx) if a.cxx else []
    c_flags = ['-std=c11', '-pedantic', '-Wall', '-Wextra', '-Werror', '-I' + inc]
    cxx_flags = ['-std=c++11', '-Wall', '-Wextra', '-Werror', '-I' + inc]
    units = [(os.path.relpath(h, inc), f'#include <{os.path.relpath(h, inc)}>\n') for h in headers]
    units.append(('qaward.h', '#include <qaward.h>\n'))
    langs = [('C', cc + c_flags + ['-x', 'c', '-c'])]
    if cxx:
        langs.append(('C++', cxx + cxx_flags + ['-x', 'c++', '-c']))
    else:
        print('note: no C++ compiler found: C++ header checks skipped')
    for lang, cmd in langs:
        n = 0
        for name, inc_line in units:
            src = inc_line + inc_line + 'int qaward_abi_check_dummy;\n'
            n += compile_ok(cmd, src, f'{lang} {name}')
        print(f'ok: {n}/{len(units)} headers compile alone and twice as {lang}')

    # link: the address of every exported function, from C and C++
    syms = sorted(hdr)
    if syms:
        libdir = os.path.dirname(os.path.abspath(a.lib))
        def program(cast):
            table = ',\n'.join('  ' + cast.format(s) for s in syms)
            return ('#include <qaward.h>\n#include <stdio.h>\ntypedef void (*fp)(void);\n'
                    f'static const fp table[] = {{\n{table}\n}};\n'
                    'int main(void) { printf("%d\\n", (int)(sizeof table / sizeof table[0]));'
                    ' return table[0] == 0; }\n')
        c_src = program('(fp)&{}')
        cxx_src = program('reinterpret_cast<fp>(&{})')
        link = [a.lib, '-Wl,-rpath,' + libdir]
        with tempfile.TemporaryDirectory() as tmp:
            for lang, cmd, src in [('C', cc + c_flags, c_src), ('C++', cxx + cxx_flags, cxx_src)]:
                if lang == 'C++' and not cxx:
                    continue
                exe = os.path.join(tmp, 'link_' + lang.replace('+', 'p'))
                path = exe + ('.cpp' if lang == 'C++' else '.c')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(src)
                full = cmd + [path, '-o', exe] + link
                p = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                if p.returncode != 0:
                    fail(f'{lang} program using every exported function does not link:\n'
                         f'$ {shlex.join(full)}\n{p.stdout}')
                else:
                    print(f'ok: {lang} program taking the address of all {len(syms)} functions links')

    if problems:
        print(f'\n{len(problems)} ABI/header problem(s)')
        return 1
    print('ABI check passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
