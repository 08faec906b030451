"""The parsed-library cache: used only while no content file changed, problems kept as found."""

import os
import shutil
from pathlib import Path

from teachin.storage import atomic_write_text
from teachin.workshop.library import load_cached_library, load_library

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def content_with_problems(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    (folder / "modules" / "broken.md").write_text("+++\nid = \n+++\n", encoding="utf-8")
    (folder / "modules" / "not-utf8.md").write_bytes(b"+++\nid = 'x'\n\xff\n+++\n")
    shutil.copy(folder / "modules" / "second.md", folder / "modules" / "third.md")  # duplicate id
    return folder


def load_twice(folders: list[Path], cache: Path):
    first, text = load_cached_library(folders, cache)
    assert text is not None  # nothing cached yet: read and to be written
    atomic_write_text(cache, text)
    again, text = load_cached_library(folders, cache)
    return first, again, text


def test_a_cached_library_equals_the_files_read_afresh_problems_included(tmp_path):
    folders = [content_with_problems(tmp_path), tmp_path / "missing-folder"]
    cache = tmp_path / "cache" / "library.json"
    first, again, text = load_twice(folders, cache)
    assert text is None  # served from the cache
    fresh = load_library(folders)
    assert again == fresh == first
    assert [str(p) for p in again.problems] == [str(p) for p in fresh.problems]
    assert len(again.problems) >= 3
    assert list(again.modules) == list(fresh.modules)  # same order, for the sidebar and checks
    assert again.staircase == fresh.staircase and again.staircase is not None
    assert again.parts() == fresh.parts()


def test_a_changed_added_or_removed_file_is_read_again(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    cache = tmp_path / "library.json"
    _, _, text = load_twice([folder], cache)
    assert text is None

    module = folder / "modules" / "second.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("The second module", "Renamed"), encoding="utf-8")
    library, text = load_cached_library([folder], cache)
    assert text is not None and library.modules["second"].title == "Renamed"
    atomic_write_text(cache, text)

    # Same size, only the modification time differs: still read again.
    stat = module.stat()
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("Renamed", "Renamad"), encoding="utf-8")
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    library, text = load_cached_library([folder], cache)
    assert text is not None and library.modules["second"].title == "Renamad"
    atomic_write_text(cache, text)

    shutil.copy(folder / "modules" / "sample.md", folder / "modules" / "zz-copy.md")
    library, text = load_cached_library([folder], cache)
    assert text is not None and library == load_library([folder])
    atomic_write_text(cache, text)

    (folder / "modules" / "zz-copy.md").unlink()
    (folder / "glossary.toml").unlink()
    library, text = load_cached_library([folder], cache)
    assert text is not None and library == load_library([folder]) and not library.terms


def test_other_folders_a_damaged_cache_or_a_reload_read_the_files(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(GOOD, folder)
    cache = tmp_path / "library.json"
    _, _, text = load_twice([folder], cache)
    assert text is None

    user = tmp_path / "user"
    (user / "modules").mkdir(parents=True)
    library, text = load_cached_library([folder, user], cache)
    assert text is not None and library.folders == [folder, user]

    _, text = load_cached_library([folder], cache, reuse=False)
    assert text is not None

    for damage in ("", "{not json", '{"fingerprint": 1}', "[]"):
        cache.write_text(damage, encoding="utf-8")
        library, text = load_cached_library([folder], cache)
        assert text is not None and library == load_library([folder])
