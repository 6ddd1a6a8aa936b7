"""The on-disk regex cache gives the very regex ``re.compile`` gives, and a bad file costs only a recompile."""

from __future__ import annotations

import re

import pytest

from cancu.loaders import regex_cache

PATTERNS = [
    (r"(?P<year>\d{4})/(?P<kind>[A-ZĐ]+)-UBND", 0, "Số 12/2024/QĐ-UBND ngày", ("year", "kind")),
    (r"(?<![a-z0-9])s(?:o|0)\s+noi\s+vu(?![a-z])", 0, "giao so  noi vu, s0 noi vux", ()),
    (r"(?i)căn cứ", 0, "CĂN CỨ Luật", ()),
    (r"^\s*[-–+•]\s", re.MULTILINE, "a\n - b\n• c", ()),
    (r"(?:ubnd|uy ban)(?P<a1>)|(?P<a2>)tinh", 0, "uy ban tinh", ("a1", "a2")),
    (r"(a)(b)?(?(2)c|d)", 0, "abc ad", ()),
    (r"(?>x+)y", re.IGNORECASE, "XXY xx", ()),
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """The cache installed on an empty directory; the process's own cache back afterwards."""
    was_active = regex_cache._installed_pid is not None
    regex_cache.uninstall()
    monkeypatch.setenv("CANCU_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CANCU_REGEX_CACHE", raising=False)
    re.purge()
    yield tmp_path
    regex_cache.uninstall()
    re.purge()
    monkeypatch.undo()
    if was_active:
        regex_cache.install()


def _same(a: re.Pattern[str], b: re.Pattern[str], text: str) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    got = [(m.span(), m.groups(), m.lastgroup) for m in a.finditer(text)]
    want = [(m.span(), m.groups(), m.lastgroup) for m in b.finditer(text)]
    assert got == want


@pytest.mark.parametrize(("pattern", "flags", "text", "names"), PATTERNS)
def test_cached_regex_is_the_standard_one(fresh_cache, pattern, flags, text, names):
    assert regex_cache.install()
    learned = re.compile(pattern, flags)  # computed, stored
    regex_cache.save()
    regex_cache.uninstall()
    reference = re.compile(pattern, flags)  # the standard library's own
    re.purge()
    assert regex_cache.install()
    assert (pattern, flags) in regex_cache._entries  # read back from the file
    served = re.compile(pattern, flags)
    for rx in (learned, served):
        _same(rx, reference, text)
        assert tuple(rx.groupindex) == names


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64, b"\xe9\x02\x00\x00\x00N"])
def test_damaged_file_is_ignored(fresh_cache, content):
    regex_cache.cache_path().write_bytes(content)
    assert regex_cache.install()
    assert regex_cache._entries == {}
    _same(re.compile(r"s(?:o|0)\s+y", 0), regex_cache._stdlib_compile(r"s(?:o|0)\s+y", 0), "so y s0  y")


def test_wrong_code_in_file_is_recompiled(fresh_cache):
    regex_cache.install()
    re.compile(r"ab+c")
    entry = regex_cache._entries[(r"ab+c", 0)]
    regex_cache._entries[(r"ab+c", 0)] = (*entry[:4], b"\xff\xff\xff\xff" * 3)
    re.purge()
    _same(re.compile(r"ab+c"), regex_cache._stdlib_compile(r"ab+c", 0), "abbbc ac")


def test_bad_pattern_raises_as_usual(fresh_cache):
    regex_cache.install()
    with pytest.raises(re.error):
        re.compile(r"(unclosed")


def test_turned_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("CANCU_REGEX_CACHE", "0")
    assert not regex_cache.install()
    re.compile(r"x+y")
    assert regex_cache._entries == {}
    regex_cache.save()
    assert not regex_cache.cache_path().exists()


@pytest.mark.parametrize(
    ("env", "folder"),
    [
        ({"CANCU_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/c"),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/cancu"),
        ({"HOME": "/h"}, "/h/.cache/cancu"),
    ],
)
def test_cache_path(monkeypatch, env, folder):
    for name in ("CANCU_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert regex_cache.cache_path().parent.as_posix() == folder


def test_checkpoint_keeps_what_another_process_wrote(fresh_cache, monkeypatch):
    regex_cache.install()
    re.compile(r"a+b")
    regex_cache.save()  # the parent's patterns
    regex_cache.uninstall()
    re.purge()
    regex_cache.install()
    regex_cache._entries.pop((r"a+b", 0))  # a worker forked before the parent learned it
    monkeypatch.setattr(regex_cache, "_last_write", 0.0)
    re.compile(r"c+d")
    regex_cache.checkpoint()
    assert {(r"a+b", 0), (r"c+d", 0)} <= set(regex_cache._read(regex_cache.cache_path()))
    re.compile(r"e+f")
    regex_cache.checkpoint()  # within SAVE_EVERY of the last write: not written yet
    assert (r"e+f", 0) not in regex_cache._read(regex_cache.cache_path())


class _Subclass(str):
    """A str subclass, as lxml hands out (its patterns are compiled as usual, never kept)."""


def test_str_subclass_is_compiled_but_not_kept(fresh_cache):
    regex_cache.install()
    rx = re.compile(_Subclass("hidden|akismet"))
    assert rx.search("x akismet").group() == "akismet"
    assert not any(type(k[0]) is not str for k in regex_cache._entries)
    re.compile(r"kept+")
    regex_cache.save()
    assert (r"kept+", 0) in regex_cache._read(regex_cache.cache_path())
