"""The OpenAPI schema and the docs page, whose assets are served locally."""

import re

from kinerja.api.tests.conftest import API, PROBLEM


def _schema(client) -> dict:
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_is_public_and_documents_both_auth_schemes(anonymous, world):
    schemes = _schema(anonymous)["components"]["securitySchemes"]

    assert (schemes["TokenAuth"]["type"], schemes["TokenAuth"]["scheme"]) == ("http", "bearer")
    assert (schemes["SessionAuth"]["in"], schemes["SessionAuth"]["name"]) == (
        "cookie",
        "sessionid",
    )


def test_openapi_every_operation_documents_its_problem_responses(anonymous, world):
    paths = _schema(anonymous)["paths"]

    for path, operations in paths.items():
        for method, operation in operations.items():
            responses = operation["responses"]
            # Public operations (the survey form, issue 5) take no credentials: no 401.
            if operation.get("security"):
                assert "401" in responses, (method, path)
                problem = responses["401"]["content"][PROBLEM]["schema"]
                assert problem == {"$ref": "#/components/schemas/Problem"}
            if "{" in path:
                assert "404" in responses, (method, path)
            if operation["parameters"] or "requestBody" in operation:
                assert responses["422"]["content"][PROBLEM]["schema"] == {
                    "$ref": "#/components/schemas/ValidationProblem"
                }
            if method != "get":
                expected = {"400", "403"} if operation.get("security") else {"400"}
                assert expected <= set(responses), (method, path)


def test_openapi_problem_schema(anonymous, world):
    schemas = _schema(anonymous)["components"]["schemas"]

    assert schemas["Problem"]["required"] == ["type", "title", "status"]
    assert schemas["Problem"]["additionalProperties"] is True
    assert "errors" in schemas["ValidationProblem"]["required"]


def test_openapi_documents_pagination(anonymous, world):
    operation = _schema(anonymous)["paths"]["/api/v1/employees"]["get"]

    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert (parameters["limit"]["default"], parameters["limit"]["maximum"]) == (50, 200)
    assert parameters["offset"]["minimum"] == 0
    page = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert page == {"$ref": "#/components/schemas/PagedEmployeeOut"}


def test_openapi_uses_uuids_never_integer_ids(anonymous, world):
    schema = _schema(anonymous)

    for path, operations in schema["paths"].items():
        names = re.findall(r"{(\w+)}", path)
        assert names[:1] in ([], ["uuid"]), path
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "path":
                    continue
                # A second path parameter names a thing by a word, a UUID or its official
                # number (a quarter), never by a database row number.
                name = parameter["name"]
                assert name not in ("id", "pk") and not name.endswith("_id"), (path, name)


def test_docs_page_loads_its_assets_from_this_server(anonymous, world):
    response = anonymous.get(f"{API}/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert "/static/ninja/swagger-ui.css" in assets
    assert all(asset.startswith("/static/") for asset in assets), assets
    for asset in assets:
        served = anonymous.get(asset)
        assert served.status_code == 200, asset
        b"".join(served.streaming_content)


def test_docs_page_sends_the_csrf_token_for_session_requests(browser, world):
    html = browser("staff", csrf=False).get(f"{API}/docs").content.decode()

    assert 'data-api-csrf="true"' in html
    assert re.search(r'data-csrf-token="\w{64}"', html)
