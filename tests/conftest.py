import pytest


@pytest.fixture(scope="session")
def coder():
    """One rules coder (and spaCy pipeline) for the whole test session."""
    from tieline.coding.rules import RulesCoder

    return RulesCoder()


@pytest.fixture(scope="session")
def code_text(coder):
    """Code a piece of text as one article and return its events."""
    from datetime import date

    from tieline.models import Article

    def run(text: str, published: date | None = date(2024, 5, 1)):
        article = Article(doc_id="t", text=text, published=published, date_source="document")
        return coder.code_doc(article, coder.nlp(text))

    return run


@pytest.fixture(scope="session")
def run_cli():
    """Run the installed `tieline` command in a subprocess, as a user would."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "tieline"

    def run(*args: str, cwd=None, input: str | None = None):
        env = dict(os.environ, COLUMNS="200")
        return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, input=input,
                              env=env, timeout=300)

    return run
