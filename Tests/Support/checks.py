"""What the Python suites print: a line per check, then 'N passed, N failed' (and the exit status to match)."""


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"  PASS {name}")
        else:
            self.failed += 1
            print(f"  FAIL {name} {detail}")
        return condition

    def summary(self):
        """Prints the closing line; the process's exit status: 1 when any check failed."""
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
