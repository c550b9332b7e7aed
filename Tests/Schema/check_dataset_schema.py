#!/usr/bin/env python3
"""schema/dataset.schema.json and the Swift loader must agree: what the loader accepts the schema accepts, and the
shape errors the loader rejects the schema rejects too. Prints one line per file and 'N passed, N failed'."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "schema/dataset.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
fixtures = root / "Tests/AttributedCoreTests/Fixtures"

valid = [root / "Sources/AttributedCore/Resources/Seed/is-emerging-in-karachi.json", fixtures / "base.json",
         *sorted((fixtures / "edge-cases").glob("*.json")), *sorted((fixtures / "explicit").glob("*.json")),
         *sorted((fixtures / "short-form").rglob("*.json")), *sorted((root / "Tests/Datasets").glob("*.json"))]
# Shape errors, which a JSON Schema can express (references, offsets and anchoring are the loader's alone). Not here:
# not-an-integer (29.0), which JSON Schema counts as an integer; the loader, stricter, wants it written 29.
shape_errors = ["missing-field", "wrong-type", "bad-enum", "bad-factuality", "bad-id", "unknown-field",
                "unknown-top-level-field", "document-field-on-person", "missing-anonymity", "bad-language",
                "bad-url", "bad-date", "bad-document-date", "unsupported-format", "top-level-array", "repeated-alias",
                "index-on-body-span", "summary-without-index", "negative-offset", "empty-headline",
                "later-link-without-mode", "single-segment", "exact-beside-segments"]

passed = failed = 0
def report(ok, line):
    global passed, failed
    print(("ok    " if ok else "FAIL  ") + line)
    passed, failed = passed + ok, failed + (not ok)

def check_valid(name, document):
    errors = list(validator.iter_errors(document))
    report(not errors, f"valid   {name}" + (f": {errors[0].message}" if errors else ""))

for path in valid:
    check_valid(path.relative_to(root), json.loads(path.read_text()))
# The format doc's examples (its short-form opening, the canonical form) are datasets too.
doc = (root / "docs/dataset-format.md").read_text()
for number, block in enumerate(b.split("\n```", 1)[0] for b in doc.split("```json\n")[1:]):
    if block.startswith('{\n  "format"') and "[ ... ]" not in block:  # not the outline of the top level
        check_valid(f"docs/dataset-format.md example {number + 1}", json.loads(block))
for name in shape_errors:
    path = fixtures / "invalid" / f"{name}.json"
    if not path.exists():
        report(False, f"missing fixture {path.relative_to(root)}")
        continue
    try:
        document = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        report(False, f"{path.relative_to(root)} is not JSON: {error}")
        continue
    report(not validator.is_valid(document), f"invalid {path.relative_to(root)}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
