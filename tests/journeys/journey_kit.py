"""The journey kit: one user in a real browser, step by step, with an accessibility
check on every page they reach.

A ``Journey`` wraps one Playwright page. Drive it through its steps (``visit``,
``click``, ``nav``, ``fill``, ``login_as`` …) so that every document the browser loads
is checked with axe-core right after it loads; ``page`` stays available for assertions
(``expect(journey.page…)``). If a test moves past a page without giving the kit a chance
to check it (several loads between two steps), the journey fails and says which pages
were skipped, so no page escapes the check silently.

Text given to steps (link and button names, labels, ``see``) is the English source
string; the kit translates it into the page's current language with the project's
catalogue, so a journey reads like the code and survives changes of the Indonesian
wording. ``t()`` does the same for assertions of your own.
"""

import json
from pathlib import Path

from django.conf import settings
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

AXE_SCRIPT = Path(settings.BASE_DIR) / "kinerja" / "static" / "vendor" / "axe-core" / "axe.min.js"
# Issue 6: no serious or critical violation on any page; minor and moderate ones are
# printed by ``axe_report`` when a journey fails but do not fail it on their own.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
# Browsers ask for a favicon on their own; its absence is no fault of a journey.
IGNORED_MISSING = ("/favicon.ico",)

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1366, "height": 800}}


class AccessibilityError(AssertionError):
    """axe-core found serious or critical violations on a page."""


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (vendored from npm by ``scripts/setup.sh``) on the page as it is now."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(
            f"{AXE_SCRIPT} is missing: run `make setup-test` to vendor axe-core from npm."
        )
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }));
        }"""
    )


def axe_report(url: str, violations: list[dict]) -> str:
    """The violations in a form a developer can act on without opening the browser."""
    lines = [f"axe-core on {url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"      at {json.dumps(node['target'])}: {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"        {summary_line}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


class Journey:
    """One user's walk through the live server in one browser context."""

    def __init__(self, page: Page, base_url: str, label: str, personas, password: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.label = label
        self._personas = personas
        self._password = password
        self.step = "open the browser"
        self.checked: list[str] = []
        self._loaded: list[str] = []
        self._problems: list[str] = []
        page.on("load", self._on_load)
        page.on("pageerror", lambda error: self._problems.append(f"JavaScript error: {error}"))
        page.on("response", self._on_response)

    # --- steps -------------------------------------------------------------------------

    def t(self, msgid: str, **params) -> str:
        """``msgid`` in the page's language, with ``%(name)s`` placeholders filled."""
        language = self.page.locator("html").get_attribute("lang") or settings.LANGUAGE_CODE
        with translation.override(language):
            text = translation.gettext(msgid)
        return text % params if params else text

    def visit(self, path: str, *, status: int = 200) -> None:
        """Open ``path`` on the live server and expect ``status``."""
        self._begin(f"visit {path}")
        response = self.page.goto(self.base_url + path)
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        self._settle()

    def click(self, target: str | Locator, *, role: str = "link", step: str = "") -> None:
        """Click a link (or another ``role``) by its accessible name, or any locator;
        ``step`` names the click in failure reports."""
        locator = self._locate(target, role)
        self._begin(
            step
            or (f"click the {role} {target!r}" if isinstance(target, str) else f"click {locator}")
        )
        locator.click()
        self._settle()

    def fill(self, label: str, value: str) -> None:
        """Type into the field labelled ``label``: the label is what users read."""
        self._begin(f"fill {label!r}")
        self.page.get_by_label(self.t(label), exact=True).fill(value)

    def submit(self, button: str) -> None:
        self.click(button, role="button")

    def nav(self, name: str, *, role: str = "link") -> None:
        """Use the main menu, opening it first where it is collapsed (phones)."""
        self.open_menu()
        self.click(
            self.page.locator("#nav").get_by_role(role, name=self.t(name), exact=True),
            step=f"choose {name!r} in the menu",
        )

    def open_menu(self) -> None:
        toggler = self.page.locator(".navbar-toggler")
        if toggler.count() and toggler.is_visible() and not self.page.locator("#nav").is_visible():
            self._begin("open the menu")
            toggler.click()
            expect(self.page.locator("#nav")).to_be_visible()

    def login_as(self, persona, *, password: str | None = None) -> None:
        """Log in through the real form as a persona of the ``world`` fixture (its key in
        ``world.users``, e.g. ``"staff"``) or as a given user."""
        user = self._personas(persona) if isinstance(persona, str) else persona
        self.visit("/akun/login/")
        self.fill_login(user.get_username(), password or self._password)
        self.submit_login()
        expect(self.page).not_to_have_url(f"{self.base_url}/akun/login/")

    def fill_login(self, username: str, password: str) -> None:
        self._begin("fill the login form")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(password)

    def submit_login(self) -> None:
        self.click(self.page.locator("main form button[type=submit]"), step="submit the login")

    def switch_language(self, code: str) -> None:
        """Pick a language in the menu's selector; it submits itself."""
        self.open_menu()
        self._begin(f"switch the language to {code}")
        self.page.locator("#language-select").select_option(code)
        self.page.wait_for_url("**", wait_until="load")
        self._settle()

    def logout(self) -> None:
        self.open_menu()
        self.click(self.page.locator("#nav form[action$='/logout/'] button"), step="log out")

    def see(self, text: str, **params) -> None:
        """The page's main content shows ``text`` (translated, placeholders filled)."""
        self._settle()
        expect(self.page.locator("main")).to_contain_text(self.t(text, **params))

    def swap(self, target: str | Locator, *, role: str = "button", step: str = "") -> None:
        """Click something that updates part of the page with htmx, wait until htmx has
        settled the new content, and check the page again."""
        locator = self._locate(target, role)
        self._begin(step or f"click {target!r} (htmx)")
        self.page.evaluate(
            """() => {
                window.__journeySettled = false;
                document.body.addEventListener(
                    "htmx:afterSettle", () => { window.__journeySettled = true; }, {once: true});
            }"""
        )
        locator.click()
        self.page.wait_for_function("() => window.__journeySettled === true")
        self._settle()
        self.check_accessibility()

    # --- checks ------------------------------------------------------------------------

    def check_accessibility(self) -> None:
        """Check the page as it is now (call after an htmx swap changes it)."""
        violations = axe_violations(self.page)
        self.checked.append(self.page.url)
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            raise AccessibilityError(axe_report(self.page.url, blocking))

    def finish(self) -> None:
        """Check whatever the journey ended on; called by the fixture at teardown."""
        self._settle()
        if self.page.url != "about:blank":
            self.check_accessibility()

    def _begin(self, step: str) -> None:
        self._settle()
        self.step = step

    def _settle(self) -> None:
        self.page.wait_for_load_state("load")
        if self._problems:
            problems, self._problems = self._problems, []
            raise AssertionError(f"While '{self.step}':\n  " + "\n  ".join(problems))
        if not self._loaded:
            return
        skipped, self._loaded = self._loaded[:-1], []
        if skipped:
            raise AssertionError(
                f"Pages {skipped} were left before their accessibility check: drive the "
                "journey through its steps (visit, click, nav, submit …), not the raw page."
            )
        self.check_accessibility()

    def _on_load(self, page: Page) -> None:
        if page.url != "about:blank":
            self._loaded.append(page.url)

    def _on_response(self, response) -> None:
        if not response.url.startswith(self.base_url):
            return
        path = response.url[len(self.base_url) :]
        if response.status >= 500 or (
            response.status >= 400
            and not response.request.is_navigation_request()
            and not path.startswith(IGNORED_MISSING)
        ):
            self._problems.append(f"{response.status} for {path}")

    def _locate(self, target: str | Locator, role: str) -> Locator:
        if isinstance(target, str):
            return self.page.get_by_role(role, name=self.t(target), exact=True)
        return target
