"""A property-based run over the OpenAPI spec (schemathesis): no server errors, and every
response matches what the spec promises (status codes, content types, schemas, headers)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from web_support import TOKEN, Server, copy_store, demo_store


@pytest.fixture(scope="module")
def spec_server(tmp_path_factory):
    server = Server(demo_store(tmp_path_factory))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_spec(spec_server):
    return schemathesis.openapi.from_url(spec_server.url + "/api/openapi.json")


schema = schemathesis.pytest.from_fixture("api_spec")


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_to_the_spec(case):
    case.call_and_validate()
