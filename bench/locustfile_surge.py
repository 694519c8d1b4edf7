"""Locust users of the deadline surge (issue 6, benchmark a): the last days before the
planning deadline, in a synthetic agency prepared by ``bench/surge_data.py``.

* ``EmployeeUser`` opens "My SKP" and their draft SKP and saves its content through the
  very POSTs the page's htmx forms send: a new result with its first indicator, another
  indicator, a reworded result.
* ``AssessorUser`` opens the team queue and team members' SKPs, writes the leader's
  expectations, and approves or returns submitted SKPs.
* ``ReporterUser`` opens "My reports" and the report of the current window and saves
  realisations through the row's inline htmx POST (a value, or words for a narrative
  indicator, with a narrative).
* ``AssessorUser`` also opens the evaluation queue ("waiting for me" or everyone) and
  team members' evaluation pages for the latest ended window, asks the preview as the
  rating radios change, and saves the ratings with notes (and a justification when
  departing from the recommendation).
* ``LeaderUser`` opens the cascade tree of their office's goals, their unit's page,
  the results of the units below theirs and the calibration of their assessees.
* ``HealthzUser`` only asks ``/healthz``: the same server's ceiling.

Each virtual user logs in once with its own login from the plan (``SURGE_PLAN``, a JSON
file written by ``surge_data prepare``) and then runs one task every ``SURGE_PACING``
seconds. Every save that the server confirms is appended to ``SURGE_WRITES`` (JSON
lines) with the unique marker its text carries (and, for realisations and ratings, the
figures saved with it), so ``surge_data verify`` can check that the database holds it.
To add a screen, write a task that calls ``self.page(...)`` or ``self.save(...)`` with
its URL and form fields.

``bench/surge.py`` drives these classes through locust's Python API; by hand::

    SURGE_PLAN=var/bench/surge/plan.json .venv/bin/locust -f bench/locustfile_surge.py \\
        --host http://127.0.0.1:8000 --headless -u 50 -r 10 -t 60s EmployeeUser AssessorUser
"""

import itertools
import json
import os
import random
import re
from functools import cache
from pathlib import Path

from locust import FastHttpUser, constant_pacing, task
from locust.exception import StopUser

from kinerja.regulation.berakhlak import CORE_VALUE_CODES

PACING = float(os.environ.get("SURGE_PACING", "2"))
MAX_ADDITIONS = 8  # results and indicators one employee adds before only rewording
RUN = os.environ.get("SURGE_RUN", "manual")
SKP_PAGE = re.compile(r"^/rencana/skp/[0-9a-f-]{36}/$")
RECOMMENDED = re.compile(r'data-testid="recommendation" data-rating="([a-z_]*)"')
RATINGS = ("below", "as_expected", "above")
DEPARTURE_SHARE = 0.15  # ratings that depart from the recommendation, with a justification
_counters: dict[str, itertools.count] = {}
pick = random.Random()  # noqa: S311 -- which page a simulated person opens, not a secret
_writes = []


@cache
def plan() -> dict:
    return json.loads(Path(os.environ["SURGE_PLAN"]).read_text())


def record_write(kind: str, obj: str, marker: str, *, ok: bool, figures: str = "") -> None:
    """Note a write and whether the server confirmed it, for the check against the
    database afterwards; ``figures``: what a realisation or rating saved besides text."""
    if not _writes:
        _writes.append(open(os.environ.get("SURGE_WRITES", os.devnull), "a"))  # noqa: SIM115
    line = {"kind": kind, "object": obj, "marker": marker, "ok": ok}
    if figures:
        line["figures"] = figures
    _writes[0].write(json.dumps(line) + "\n")
    _writes[0].flush()


class Visitor(FastHttpUser):
    """A person with a login from the plan's ``pool``: logs in, then browses and saves."""

    abstract = True
    wait_time = constant_pacing(PACING)
    pool = ""

    def on_start(self) -> None:
        people = plan()[self.pool]
        number = next(_counters.setdefault(self.pool, itertools.count()))
        self.me = people[number % len(people)]
        self.tag = f"{self.pool[0]}{number}"
        self.writes = itertools.count(1)
        self.client.get("/akun/login/", name="login form")
        with self.client.post(
            "/akun/login/",
            data={
                "username": self.me["username"],
                "password": plan()["password"],
                "csrfmiddlewaretoken": self.csrf(),
                "next": "/",
            },
            allow_redirects=False,
            name="login",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused for {self.me['username']}")
                raise StopUser
        self.page("/", "home")

    def csrf(self) -> str:
        for cookie in self.client.cookiejar:
            if cookie.name == "csrftoken":
                return cookie.value
        return ""

    def marker(self) -> str:
        return f"[surge {RUN} {self.tag}-{next(self.writes)}]"

    def page(self, url: str, name: str, *, htmx: bool = False) -> str:
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.get(url, name=name, headers=headers).text or ""

    def save(self, url: str, data: dict, *, name: str, section: str, write: tuple) -> bool:
        """Open an htmx form, then POST it as htmx does. A save succeeded when the server
        answers with the re-rendered ``section`` (an invalid form comes back as itself).
        ``write`` is (kind, object, marker) for the check against the database."""
        self.page(url, f"{name} (form)", htmx=True)
        with self.client.post(
            url,
            data=data,
            headers={"HX-Request": "true", "X-CSRFToken": self.csrf()},
            name=name,
            catch_response=True,
        ) as response:
            ok = response.status_code == 200 and response.headers.get("HX-Retarget") == section
            if not ok:
                response.failure(f"not saved: {response.status_code} {_start(response)}")
        record_write(*write, ok=ok)
        return ok

    def act(self, url: str, data: dict, *, name: str, write: tuple) -> bool:
        """A plain form POST that redirects to the SKP page on success, as a browser
        sends it; the browser then loads that page."""
        with self.client.post(
            url,
            data={**data, "csrfmiddlewaretoken": self.csrf()},
            allow_redirects=False,
            name=name,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            ok = response.status_code == 302 and SKP_PAGE.match(location) is not None
            if not ok:
                response.failure(f"refused: {response.status_code} {_start(response)}")
        record_write(*write, ok=ok)
        if ok:
            self.page(location, "skp page")
        return ok


def _start(response) -> str:
    return (response.text or "")[:200]


class EmployeeUser(Visitor):
    pool = "employees"
    weight = 3

    @task(2)
    def my_skp(self) -> None:
        self.page("/rencana/", "my skp")

    @task(3)
    def read_skp(self) -> None:
        self.page(f"/rencana/skp/{self.me['skp']}/", "skp page")

    @task(1)
    def home(self) -> None:
        self.page("/", "home")

    def on_start(self) -> None:
        super().on_start()
        self.added = 0

    def may_add(self) -> bool:
        """A real SKP has a handful of results: after a few additions, reword instead,
        so the pages do not grow through the run."""
        self.added += 1
        if self.added > MAX_ADDITIONS:
            self.reword_result()
            return False
        return True

    @task(1)
    def add_result(self) -> None:
        if not self.may_add():
            return
        marker = self.marker()
        data = {
            "kind": "main",
            "text": f"Laporan layanan bulanan tersusun tepat waktu {marker}",
            "aspect": "quantity",
            "indicator_text": "Jumlah laporan layanan yang tersusun",
            "target_value": "12",
            "target_unit": "laporan",
        }
        skp = self.me["skp"]
        self.save(
            f"/rencana/skp/{skp}/hasil/tambah/",
            data,
            name="result add",
            section="#skp-results",
            write=("result_add", skp, marker),
        )

    @task(1)
    def add_indicator(self) -> None:
        if not self.may_add():
            return
        result = pick.choice(self.me["results"])
        marker = self.marker()
        data = {
            "aspect": "time",
            "indicator_text": f"Laporan diserahkan paling lambat tanggal 5 {marker}",
            "target_value": "12",
            "target_unit": "bulan",
        }
        self.save(
            f"/rencana/hasil/{result}/indikator/",
            data,
            name="indicator add",
            section="#skp-results",
            write=("indicator_add", result, marker),
        )

    @task(1)
    def reword_result(self) -> None:
        result = pick.choice(self.me["results"])
        marker = self.marker()
        self.save(
            f"/rencana/hasil/{result}/ubah/",
            {"kind": "main", "text": f"Dokumen layanan terverifikasi dan tercatat {marker}"},
            name="result edit",
            section="#skp-results",
            write=("result_edit", result, marker),
        )


class ReporterUser(Visitor):
    """An employee filling in the current window's report before its deadline."""

    pool = "reporters"
    weight = 3

    @task(1)
    def my_reports(self) -> None:
        self.page("/pelaksanaan/", "my reports")

    @task(3)
    def read_report(self) -> None:
        self.page(f"/pelaksanaan/laporan/{self.me['report']}/", "report page")

    @task(1)
    def home(self) -> None:
        self.page("/", "home")

    @task(4)
    def save_realisation(self) -> None:
        """The row's form as htmx posts it: the CSRF token in the form, the row comes
        back re-rendered with its "saved" notice."""
        indicator, target = pick.choice(self.me["indicators"])
        marker = self.marker()
        data = {
            "narrative": f"Capaian sesuai rencana kerja triwulan {marker}",
            "csrfmiddlewaretoken": self.csrf(),
        }
        figures = "-"
        if target is not None:
            figures = f"{float(target) * pick.uniform(0.5, 1.3):.2f}"
            data["value"] = figures
        report = self.me["report"]
        with self.client.post(
            f"/pelaksanaan/laporan/{report}/indikator/{indicator}/",
            data=data,
            headers={"HX-Request": "true", "X-CSRFToken": self.csrf()},
            name="realisation save",
            catch_response=True,
        ) as response:
            text = response.text or ""
            ok = response.status_code == 200 and 'data-testid="row-saved"' in text
            if not ok:
                response.failure(f"not saved: {response.status_code} {_start(response)}")
        record_write("realisation", f"{report}/{indicator}", marker, ok=ok, figures=figures)


class AssessorUser(Visitor):
    pool = "assessors"
    weight = 3

    def on_start(self) -> None:
        super().on_start()
        self.status = dict(self.me["team"])

    def with_status(self, *statuses: str) -> list[str]:
        return [skp for skp, status in self.status.items() if status in statuses]

    @task(3)
    def queue(self) -> None:
        waiting = pick.random() < 0.5
        self.page("/rencana/tim/?waiting=1" if waiting else "/rencana/tim/", "team queue")

    @task(3)
    def read_skp(self) -> None:
        self.page(f"/rencana/skp/{pick.choice(list(self.status))}/", "skp page")

    @task(1)
    def home(self) -> None:
        self.page("/", "home")

    @task(2)
    def expectations(self) -> None:
        reviewable = self.with_status("draft", "submitted", "returned")
        if reviewable:
            self.write_expectations(pick.choice(reviewable))

    @task(1)
    def review(self) -> None:
        """Read a submitted SKP, write the expectations, then approve or return it."""
        submitted = self.with_status("submitted")
        if not submitted:
            return
        skp = pick.choice(submitted)
        self.page(f"/rencana/skp/{skp}/", "skp page")
        if not self.write_expectations(skp):
            return
        if pick.random() < 0.5:
            if self.act(
                f"/rencana/skp/{skp}/setujui/", {}, name="approve", write=("approve", skp, "")
            ):
                self.status[skp] = "approved"
            return
        marker = self.marker()
        comment = f"Perjelas target kuantitas pada hasil kerja utama {marker}"
        if self.act(
            f"/rencana/skp/{skp}/kembalikan/",
            {"comment": comment},
            name="return",
            write=("return", skp, marker),
        ):
            self.status[skp] = "returned"

    @task(3)
    def rating_queue(self) -> None:
        waiting = pick.random() < 0.7
        self.page("/penilaian/?waiting=1" if waiting else "/penilaian/", "rating queue")

    @task(3)
    def rate(self) -> None:
        """Open a team member's evaluation from the "waiting" queue, change the radios
        (the page asks for the preview, with the recommendation it shows), then save the
        ratings as the form's htmx POST does; the rating panel comes back re-rendered
        with its "saved" notice."""
        window = plan().get("rating_window")
        if not window or not self.me.get("rate"):
            return
        skp, leads = pick.choice(self.me["rate"])
        page = f"/penilaian/skp/{skp}/{window}/"
        found = RECOMMENDED.search(self.page(f"{page}?waiting=1", "evaluation page"))
        recommended = found.group(1) if found else ""
        results = recommended or pick.choice(RATINGS)
        departs = bool(recommended) and not leads and pick.random() < DEPARTURE_SHARE
        if departs:
            results = pick.choice([r for r in RATINGS if r != recommended])
        behaviour = pick.choice(RATINGS)
        self.page(
            f"{page}?results_rating={results}&behaviour_rating={behaviour}"
            f"&recommended={recommended}",
            "evaluation preview",
            htmx=True,
        )
        marker = self.marker()
        justification = f"Beban kerja tambahan di luar SKP ikut dipertimbangkan {marker}"
        data = {
            "results_rating": results,
            "behaviour_rating": behaviour,
            "justification": justification if departs else "",
            "notes": f"Pertahankan capaian; tingkatkan ketepatan waktu {marker}",
            "csrfmiddlewaretoken": self.csrf(),
        }
        with self.client.post(
            f"{page}nilai/?waiting=1",
            data=data,
            headers={"HX-Request": "true", "X-CSRFToken": self.csrf()},
            name="rating save",
            catch_response=True,
        ) as response:
            ok = response.status_code == 200 and 'data-testid="rating-saved"' in response.text
            if not ok:
                response.failure(f"not rated: {response.status_code} {_start(response)}")
        figures = f"{results}/{behaviour}/{'justified' if departs else '-'}"
        record_write("rating", f"{skp}/{window}", marker, ok=ok, figures=figures)

    def write_expectations(self, skp: str) -> bool:
        marker = self.marker()
        data = {
            code: f"Menunjukkan perilaku {code.replace('_', ' ')} {marker}"
            for code in CORE_VALUE_CODES
        }
        return self.save(
            f"/rencana/skp/{skp}/ekspektasi/",
            data,
            name="expectations",
            section="#skp-behaviour",
            write=("expectations", skp, marker),
        )


class LeaderUser(Visitor):
    pool = "leaders"
    weight = 1

    @task(2)
    def cascade(self) -> None:
        self.page(f"/rencana/kaskade/?goal={pick.choice(self.me['goals'])}", "cascade tree")

    @task(1)
    def cascade_index(self) -> None:
        self.page("/rencana/kaskade/", "cascade goals")

    @task(2)
    def unit(self) -> None:
        self.page(f"/organisasi/unit/{self.me['unit']}/", "unit page")

    @task(1)
    def unit_results(self) -> None:
        self.page("/penilaian/organisasi/", "unit results")

    @task(2)
    def calibration(self) -> None:
        self.page("/penilaian/kalibrasi/", "calibration")

    @task(1)
    def home(self) -> None:
        self.page("/", "home")


class HealthzUser(FastHttpUser):
    """The ceiling: the cheapest answer the same server gives, as fast as it can."""

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="healthz")
