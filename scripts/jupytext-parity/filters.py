"""Jupytext's own notebook metadata filtering, for our jest test.

Writes `src/__tests__/data/jupytext-filters.json`: for each of many
`notebook_metadata_filter` values (strings of Jupytext's grammar, `True`,
`False`, the `{additional, excluded}` form), the notebook metadata the text
file's header holds, as Jupytext computes it when it writes a text file
(header.py `insert_jupytext_info_and_filter_metadata`:
`filter_metadata(metadata, filter, _DEFAULT_NOTEBOOK_METADATA)`), and the
header Jupytext really writes for a `py:percent` file. Run with the project's
environment (`.venv/bin/python scripts/jupytext-parity/filters.py`); CI needs
only the JSON file, committed. `src/__tests__/metadatafilter.spec.ts` runs
every case through `src/jupytext/metadatafilter.ts` and compares.
"""

import copy
import json
import os

import jupytext
import nbformat
import yaml
from jupytext.header import _DEFAULT_NOTEBOOK_METADATA
from jupytext.metadata_filter import filter_metadata

METADATA = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python", "file_extension": ".py"},
    "course": {"code": "STAT-201", "term": "2026"},
    "authors": [{"name": "Ada"}],
    "title": "Week 3",
    "widgets": {"state": {}},
    "toc": {"base_numbering": 1, "nav_menu": {}},
    "orphan": True,
    "key with space": 1,
    "jupytext": {"notebook_metadata_filter": "PLACEHOLDER"},
}

FILTERS = [
    None, "", "all", "-all", True, False,
    "title", "title,course", " title , course ", "+title", "course.code",
    "course.code,title", "-course", "-course.term", "all,-widgets",
    "all,-course.term,-widgets", "-all,title", "-all,course.code",
    "-kernelspec", "-jupytext", "title,-kernelspec", "all,-all",
    "toc.base_numbering,-toc", "-widgets,authors", "key with space",
    "title,", ",title", "-", "--title", "-all,-title",
    {"additional": ["title"]}, {"excluded": ["widgets"]},
    {"additional": "all", "excluded": ["course"]},
    {"additional": ["course.code"], "excluded": "all"},
]


def case(filter_value):
    metadata = copy.deepcopy(METADATA)
    if filter_value is None:
        del metadata["jupytext"]
    else:
        metadata["jupytext"]["notebook_metadata_filter"] = filter_value
    kept = filter_metadata(copy.deepcopy(metadata), filter_value, _DEFAULT_NOTEBOOK_METADATA)
    notebook = nbformat.v4.new_notebook(metadata=copy.deepcopy(metadata))
    notebook.cells.append(nbformat.v4.new_code_cell("1 + 1"))
    text = jupytext.writes(notebook, fmt="py:percent")
    # The YAML header of the script as written, less Jupytext's own record.
    lines = text.splitlines()
    header = {}
    if lines and lines[0] == "# ---":
        end = lines.index("# ---", 1)
        header = yaml.safe_load("\n".join(line[2:] for line in lines[1:end]))["jupyter"]
        header.get("jupytext", {}).pop("text_representation", None)
        if header.get("jupytext") == {}:
            del header["jupytext"]
    return {"metadata": metadata, "filter": filter_value, "kept": kept, "header": header}


def main():
    cases = [case(value) for value in FILTERS]
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "__tests__", "data", "jupytext-filters.json")
    with open(out, "w") as file:
        json.dump({"jupytext": jupytext.__version__, "cases": cases}, file, indent=1, sort_keys=True)
        file.write("\n")
    print(f"{len(cases)} cases written to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
