"""Jupytext's own verdicts on generated `jupytext.formats`, for our jest test.

Writes `src/__tests__/data/jupytext-parity.json`: a set of formats values
(strings, plus some lists of strings or of format dictionaries) built from the
pieces of Jupytext's formats grammar, each with a notebook path and the
kernel metadata of the notebook, and what Jupytext itself does when it pairs
them. `src/__tests__/jupytext-parity.spec.ts` runs every case through our
grammar and paired-path code (`src/jupytext/`) and compares. CI needs neither
Jupytext nor this script: only the JSON file, committed.

Jupytext's verdict when it pairs
--------------------------------
For a formats value `formats`, a notebook `path` (a server path, `/`
separators) and the notebook's `metadata`, Jupytext's verdict is the outcome
of the steps its contents manager takes to pair a notebook when it saves it
(`update_paired_notebooks`), with `auto` resolved from the metadata as
`rearrange_jupytext_metadata` does whenever Jupytext reads or writes a
notebook (`long_form_multiple_formats(formats, metadata)`, which raises when
no language is known):

    long = long_form_multiple_formats(formats, metadata)
        # long_form_one_format + validate_one_format on each item; `auto`
        # from language_info.file_extension / kernelspec.language /
        # jupytext.main_language, JupytextFormatError when none is known
    fmt = find_base_path_and_format(path, long)[1]   # the notebook's format
    pairs = paired_paths(path, fmt, long)            # [(path, format), ...]

(no formats at all: `paired_paths(path, None, [])`, the notebook alone).
`jupytext --set-formats FORMATS --sync NOTEBOOK` gives the same verdicts on
the two differences of issue 10 (it refuses `ipynb,auto` for a kernel whose
`file_extension` is `py`, and pairs `ipynb,///py`), but resolves no `auto`
(it fails with "No format associated to extension '.auto'" even for a Python
kernel), hence the definition above.

Any exception in these steps is a rejection, recorded with its class and
message (cut to 120 characters). No Jupytext configuration file applies (`base_path` would otherwise match
prefix roots below the configuration file's folder, which our code cannot
know): the lookup is switched off here.

For an accepted case the script also records which paired formats Jupytext
could not write (`get_format_implementation(extension, format_name)`, which
Jupytext's writer calls, raises, e.g. for `py:spin`), and Jupytext's short
form of the formats (`short_form_multiple_formats` of the long form without
metadata, `auto` kept) with whether that short form reads back as the same
formats.

Re-running
----------
Needs Jupytext's source at tag v1.19.4 (commit 95cd2818, from the
mwouts/jupytext repository; the script checks the version) and Jupytext's
Python dependencies; on Debian 12, as root, with the source in
/tmp/jupytext-src:

    apt-get install -y python3-nbformat python3-yaml python3-markdown-it \\
        python3-mdit-py-plugins python3-packaging
    PYTHONPATH=/tmp/jupytext-src/src /usr/bin/python3 \\
        scripts/jupytext-parity/generate.py src/__tests__/data/jupytext-parity.json

The cases are enumerated, and the strings of several formats drawn at random
use a fixed seed: the same Jupytext gives the same file.
"""

import json
import os
import random
import sys
import warnings

# Jupytext lists its format names from a set in some messages: the same
# hash seed gives the same order, and so the same file.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

import jupytext
import jupytext.paired_paths
from jupytext.formats import (
    NOTEBOOK_EXTENSIONS,
    get_format_implementation,
    long_form_multiple_formats,
    short_form_multiple_formats,
)
from jupytext.paired_paths import find_base_path_and_format, full_path, paired_paths

EXPECTED_VERSION = "1.19.4"
JUPYTEXT_COMMIT = "95cd28188b954dfd6d2b539e554a1fed19acd301"
SEED = 1019
# Messages are cut to this length, which keeps the file small.
MESSAGE_LENGTH = 120

# No Jupytext configuration file: see the docstring.
jupytext.paired_paths.find_jupytext_configuration_file = lambda *args, **kwargs: None
# `bare` warns that it was renamed `nomarker`.
warnings.simplefilter("ignore", DeprecationWarning)


def kernel(language=None, file_extension=None, **extra):
    """Notebook metadata for a kernel of that language and file extension."""
    metadata = {}
    if language is not None:
        metadata["kernelspec"] = {"name": language.lower(), "language": language, "display_name": language}
    if file_extension is not None:
        metadata["language_info"] = {"name": (language or "unknown").lower(), "file_extension": file_extension}
    metadata.update(extra)
    return metadata


KERNELS = {
    "python": kernel("python", ".py"),
    "python-nodot": kernel("python", "py"),
    "r-nodot": kernel("R", "r"),
    "r": kernel("R", ".r"),
    "R": kernel("R", ".R"),
    "julia": kernel("julia", ".jl"),
    "julia-nodot": kernel("julia", "jl"),
    "root-cpp": kernel("c++", ".C"),
    "fsharp": kernel("F#", ".fs"),
    "robot": kernel("robotframework", ".resource"),
    "sage": kernel("sage", ".py"),
    "cobol": kernel("cobol", ".cob"),
    "empty-extension": kernel("python", ""),
    "kernelspec-python": kernel("python"),
    "kernelspec-R": kernel("R"),
    "kernelspec-cpp17": kernel("C++17"),
    "kernelspec-octave": kernel("octave"),
    "kernelspec-csharp": kernel("C#"),
    "kernelspec-cobol": kernel("cobol"),
    "main-language-julia": kernel(jupytext={"main_language": "julia"}),
    "none": {},
}

# The pieces of the grammar.
EXTENSIONS = [
    "ipynb", "py", ".py", "R", "r", "jl", "cpp", "sage", "md", "markdown", ".markdown", "Rmd", "rmd",
    "qmd", "myst", ".myst", "mystnb", "mnb", "auto", "PY", "txt", "foo", "",
]  # fmt: skip
FORMAT_NAMES = [
    None, "percent", "light", "sphinx", "spin", "nomarker", "bare", "hydrogen", "myst", "pandoc",
    "quarto", "markdown", "rmarkdown", "marimo", "Percent", "foo", "",
]  # fmt: skip
PREFIXES = [
    "", "scripts/", "scripts//", "pre_/", "scripts/pre_/", "..//", "../", "../scripts//", "notebooks///",
    "scripts///", "notebooks/sub///", "///", "////", "//", "nb//sub//", "notebooks//pre_/", "my folder//", "/",
]  # fmt: skip
SUFFIXES = ["", ".pct", "_light", "pct", ".nb"]
ALIASES = [
    "notebook", "Notebook", "script", "SCRIPT", "rmarkdown", "RMarkdown", "quarto", "marimo", "markdown",
    "c++", "C++", "myst", "MyST", "pandoc", "scripts/myst", "scripts//markdown", "myst:myst",
    "markdown:markdown", "percent", "spin", "script:percent", "notebook:percent",
]  # fmt: skip
AUTO_FORMATS = [
    "ipynb,auto", "ipynb,auto:percent", "ipynb,auto:light", "ipynb,auto:spin", "ipynb,auto:sphinx",
    "ipynb,auto:myst", "ipynb,.pct.auto:percent", "notebooks///ipynb,scripts///auto:percent",
    "ipynb,scripts//auto", "notebook,script", "ipynb,auto,py", "ipynb,auto:percent,R:light",
]  # fmt: skip
SPACES = [
    " ipynb,py", "ipynb, py", "ipynb,py ", "ipynb ,py", "ipynb,py: percent", "ipynb,py :percent",
    "ipynb,my folder//py", "ipynb,a b.py", "ipynb,py:percent ", "\tipynb,py", "ipynb,py\n",
    "ipynb,scripts /py", "ipynb, scripts//py",
]  # fmt: skip
DEGENERATE = [
    "", ",", ",,", "ipynb", "ipynb,", ",ipynb", "py", "py:percent", "md", ":", "/", "//", ".", ".py",
    "ipynb,.", "ipynb,:", "ipynb,/py", "ipynb,/py:percent", "ipynb,py:", "ipynb,:percent", "ipynb,scripts/",
    "ipynb,ipynb", "ipynb,py,py", "ipynb,py:percent,py:light", "ipynb,py,.py", "ipynb,py.", "ipynb,..py",
    "ipynb,.pct.py,pct.py", "ipynb,py,///py", "ipynb:percent,py", "ipynb:foo,py", "ipynb,py:percent:light",
    "ipynb,scripts//pre_/py", "ipynb,a/b/c//py",
]  # fmt: skip

# Notebook base paths (without extension), without and with a prefix root.
BASES = ["nb", "notebooks/sub/nb", "a/b/nb", "notebooks/nb", "x/notebooks/a/b/nb", "scripts/nb", "sub/pre_nb"]
ROOT_BASES = ["//nb", "//sub/nb", "x///a/nb", "x///nb"]
OTHER_PATHS = [
    "nb.ipynb", "notebooks/sub/nb.ipynb", "other/nb.py", "nb.txt", "pre_nb.py", "nb.pct.py",
    "scripts/sub/nb.py", "sub/scripts/nb.md", "notebooks/nb.R",
]  # fmt: skip


def item(prefix, suffix, extension, name):
    """One format in its short form."""
    text = prefix
    if suffix:
        text += suffix + "." + extension.lstrip(".")
    else:
        text += extension
    if name is not None:
        text += ":" + name
    return text


def uses_auto(value):
    """Whether the formats may involve `auto`."""
    text = value if isinstance(value, str) else json.dumps(value)
    return "auto" in text.lower() or "script" in text.lower()


def formats_values(rng):
    """The formats values, in order, without repeats."""
    values = []
    values += [f"ipynb,{item('', '', e, n)}" for e in EXTENSIONS for n in FORMAT_NAMES]
    others = ["py:percent", "md", "auto:light", "Rmd", ".pct.py", "ipynb", "py:light"]
    values += [
        f"{p1}ipynb,{p2}{others[(i + j) % len(others)]}"
        for i, p1 in enumerate(PREFIXES)
        for j, p2 in enumerate(PREFIXES)
    ]
    values += [
        f"ipynb,{item(p, s, e, n)}"
        for s in SUFFIXES
        for e in ["py", "R", "md", "auto", "ipynb", "qmd"]
        for n in [None, "percent", "light", "myst"]
        for p in ["", "scripts//"][: 2 if s == ".pct" else 1]
    ]
    values += [f"{s1 + '.ipynb' if s1 else 'ipynb'},{s2}.py" for s1 in SUFFIXES for s2 in SUFFIXES]
    values += [f"ipynb,{a}" for a in ALIASES] + ALIASES
    values += [f"notebook,{a}" for a in ALIASES[:6]]
    values += AUTO_FORMATS + SPACES + DEGENERATE

    # Several formats, with separators gone wrong and duplicates.
    pool = [
        "ipynb", "py", "py:percent", "py:light", ".pct.py:percent", "_light.py", "md", "md:myst",
        "Rmd", "qmd", "R:spin", "jl:hydrogen", "scripts//py", "scripts//py:percent", "pre_/py",
        "..//py", "notebooks///ipynb", "scripts///py:percent", "docs///md", "///py", "auto:percent",
        "myst", "markdown", ".markdown", "py:spin", "md:percent", "foo", "percent", "sphinx.py:sphinx",
        "py:nomarker", "py:bare", "ipynb:percent", "notebook", "script", "scripts/pre_/py",
    ]  # fmt: skip
    for _ in range(520):
        items = rng.sample(pool, rng.choice([2, 2, 3, 3, 4]))
        if rng.random() < 0.15:
            items.append(rng.choice(items))
        if rng.random() < 0.6 and "ipynb" not in items and "notebook" not in items:
            items.insert(rng.randrange(len(items) + 1), "ipynb")
        text = ",".join(items)
        odd = rng.random()
        if odd < 0.06:
            text += ","
        elif odd < 0.1:
            text = "," + text
        elif odd < 0.14:
            text = text.replace(",", ",,", 1)
        elif odd < 0.17:
            text = text.replace(",", ", ", 1)
        values.append(text)

    # Lists of one-format strings, and of format dictionaries.
    values += [
        ["ipynb", "py:percent"], ["ipynb", ".pct.py:percent", "_light.py"], ["ipynb", "auto:percent"],
        ["notebooks///ipynb", "scripts///py:percent"], ["ipynb", "///py"], ["ipynb", "py:spin"],
        ["ipynb", "foo"], ["ipynb", ""], ["ipynb,py"], ["ipynb", "md:myst", "Rmd"], ["script", "notebook"],
        ["ipynb", "scripts//py", "scripts//py:light"],
    ]  # fmt: skip
    dicts = [
        {"extension": ".ipynb"}, {"extension": ".py"}, {"extension": ".py", "format_name": "percent"},
        {"extension": ".py", "format_name": "spin"}, {"extension": ".md", "format_name": "myst"},
        {"extension": ".py", "suffix": ".pct", "format_name": "percent"}, {"extension": ".py", "prefix": "scripts/"},
        {"extension": ".py", "prefix": "", "suffix": ""}, {"extension": ".ipynb", "prefix": "notebooks//"},
        {"extension": ".py", "prefix": "scripts//", "format_name": "light"}, {"extension": ".auto"},
        {"extension": ".auto", "format_name": "percent"}, {"extension": "py"}, {"extension": ".foo"},
        {"extension": ".py", "format_name": "bare"}, {"extension": ".py", "comment_magics": True},
        {"extension": ".py", "comment_magics": "TRUE"}, {"extension": ".py", "unknown_option": True},
        {"extension": ".md", "format_name": "percent"}, {"format_name": "percent"},
        {"extension": ".py", "prefix": "//"}, {"extension": ".R", "format_name": "spin"},
    ]  # fmt: skip
    values += [[d] for d in dicts]
    values += [[{"extension": ".ipynb"}, d] for d in dicts[1:]]
    values += [["ipynb", d] for d in dicts[1:8]]
    values += [[dicts[2], dicts[5], dicts[0]], [dicts[8], dicts[9]], [dicts[0], dicts[1], dicts[2]]]

    unique = []
    seen = set()
    for value in values:
        key = json.dumps(value)
        if key not in seen:
            seen.add(key)
            unique.append(value)
    return unique


def is_server_path(path):
    """Whether a path is one of a notebook as the server gives it: relative,
    normalized (no empty, `.` or `..` part) and with a notebook extension."""
    parts = path.split("/")
    return (
        all(part not in ("", ".", "..") for part in parts)
        and os.path.splitext(path)[1] in NOTEBOOK_EXTENSIONS
    )


def matching_path(value, metadata, index):
    """A notebook path that one of the formats matches, if one is found."""
    try:
        formats = long_form_multiple_formats(value, metadata)
    except Exception:
        return None
    if not formats:
        return None
    fmt = formats[index % len(formats)]
    # A prefix root (`notebooks//`, not the empty one of `//`) takes a base
    # path with `//` where the root goes.
    bases = ROOT_BASES if fmt.get("prefix", "").rfind("//") > 0 else BASES
    for shift in range(len(bases)):
        base = bases[(index + shift) % len(bases)]
        try:
            path = full_path(base, fmt)
        except Exception:
            continue
        if is_server_path(path):
            return path
    return None


def cut(message):
    """A message cut to MESSAGE_LENGTH characters."""
    return message if len(message) <= MESSAGE_LENGTH else message[: MESSAGE_LENGTH - 1] + "…"


def verdict(value, path, metadata):
    """Jupytext's verdict when it pairs (see the docstring)."""
    try:
        formats = long_form_multiple_formats(value, metadata)
        fmt = find_base_path_and_format(path, formats)[1] if formats else None
        pairs = paired_paths(path, fmt, formats)
    except Exception as error:
        return {"ok": False, "error": type(error).__name__, "message": cut(str(error))}
    result = {"ok": True, "paths": [[p, dict(f)] for p, f in pairs]}
    unwritable = []
    for p, f in pairs:
        if f["extension"] == ".ipynb":
            continue
        try:
            get_format_implementation(f["extension"], f.get("format_name"))
        except Exception as error:
            unwritable.append([p, cut(str(error))])
    if unwritable:
        result["unwritable"] = unwritable
    return result


def short_form(value):
    """Jupytext's short form of the formats (without metadata), and whether it reads back."""
    try:
        long = long_form_multiple_formats(value)
        short = short_form_multiple_formats([dict(f) for f in long])
    except Exception:
        return {}
    try:
        roundtrips = long_form_multiple_formats(short) == long
    except Exception:
        roundtrips = False
    return {"short": short, "shortRoundtrips": roundtrips}


def main(out):
    if jupytext.__version__ != EXPECTED_VERSION:
        sys.exit(f"Expected Jupytext {EXPECTED_VERSION}, found {jupytext.__version__}")
    rng = random.Random(SEED)
    kernel_names = list(KERNELS)
    cases = []
    for index, value in enumerate(formats_values(rng)):
        if uses_auto(value):
            # Every kernel for the formats made for `auto`, else one in turn.
            names = kernel_names if value in AUTO_FORMATS else [kernel_names[index % len(kernel_names)]]
        else:
            names = ["python"]
        for name in names:
            metadata = KERNELS[name]
            paths = []
            path = matching_path(value, metadata, index)
            if path is not None:
                paths.append(path)
            if path is None or index % 3 == 0:
                paths.append(OTHER_PATHS[index % len(OTHER_PATHS)])
            for path in dict.fromkeys(paths):
                case = {"formats": value, "path": path, "kernel": name}
                case.update(verdict(value, path, metadata))
                case.update(short_form(value))
                cases.append(case)

    data = {
        "jupytext": {"version": jupytext.__version__, "commit": JUPYTEXT_COMMIT},
        "generator": "scripts/jupytext-parity/generate.py",
        "kernels": KERNELS,
        "cases": cases,
    }
    with open(out, "w", encoding="utf-8") as stream:
        stream.write("{\n")
        for key in ["jupytext", "generator", "kernels"]:
            stream.write(f"  {json.dumps(key)}: {json.dumps(data[key])},\n")
        stream.write('  "cases": [\n')
        stream.write(",\n".join("    " + json.dumps(case, ensure_ascii=False) for case in cases))
        stream.write("\n  ]\n}\n")
    formats = {json.dumps(case["formats"]) for case in cases}
    accepted = sum(case["ok"] for case in cases)
    print(f"{len(cases)} cases, {len(formats)} formats values, {accepted} accepted by Jupytext", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
