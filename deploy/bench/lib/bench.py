#!/usr/bin/env python3
"""Helpers of deploy/bench: resource sampler, event-delay probe, fault-test load and reconciliation, report.

Standard library only. All traffic goes to 127.0.0.1. Every loop is bounded in count and time.
"""
import datetime
import glob
import html
import json
import math
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"
TICKS = os.sysconf("SC_CLK_TCK")
SERVICES = ["registry", "migration", "assessment", "gateway"]


# ---------------------------------------------------------------------------------------------------------- HTTP
class Tokens:
    """Password-grant tokens of the demo users, fetched again before the 300 s lifetime ends."""

    def __init__(self, token_url):
        self.url = token_url
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, user):
        with self.lock:
            token, fetched = self.cache.get(user, (None, 0))
            if token and time.time() - fetched < 200:
                return token
            body = urllib.parse.urlencode({"grant_type": "password", "client_id": "liudong-cli", "username": user,
                                           "password": "demo"}).encode()
            with urllib.request.urlopen(urllib.request.Request(self.url, data=body), timeout=20) as answer:
                token = json.load(answer)["access_token"]
            self.cache[user] = (token, time.time())
            return token


TIMED_OUT = -1


def call(base, tokens, user, method, path, body=None, key=None, timeout=10.0):
    """One request; answers (status, parsed body or None, seconds). status 0 = no answer (connection refused or
    reset, Keycloak unreachable), TIMED_OUT = no answer within the timeout."""
    try:
        headers = {"Authorization": "Bearer " + tokens.get(user), "Accept": "application/json"}
    except Exception:  # Keycloak unreachable: no answer, the caller retries
        return 0, None, 0.0
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if key:
        headers["Idempotency-Key"] = key
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    begin = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            raw = answer.read()
            status = answer.status
    except urllib.error.HTTPError as e:
        raw = e.read()
        status = e.code
    except Exception as e:  # timeout, connection refused or reset: no answer
        timed_out = isinstance(e, TimeoutError) or isinstance(getattr(e, "reason", None), TimeoutError)
        return TIMED_OUT if timed_out else 0, None, time.monotonic() - begin
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return status, parsed, time.monotonic() - begin


def resident(county="620821"):
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=random.randrange(27000))
    sex = random.choice("MF")
    sequence = random.randrange(500) * 2 + (1 if sex == "M" else 0)
    body = county + birth.strftime("%Y%m%d") + "%03d" % sequence
    check = CHECKS[sum(int(body[i]) * WEIGHTS[i] for i in range(17)) % 11]
    name = "压测" + random.choice("甲乙丙丁戊己庚辛壬癸") + random.choice("一二三四五六七八九十")
    return {"idNumber": body + check, "name": name, "sex": sex, "birthDate": birth.isoformat()}


def household_body(number, person):
    return {"county": "620821", "householdNumber": number,
            "address": {"township": "620821101", "detail": "压测路1号"},
            "members": [dict(person, relation="HEAD")]}


def departure_body(person):
    return {"idNumber": person["idNumber"], "originCounty": "620821", "destinationCounty": "440305",
            "departedOn": (datetime.date.today() - datetime.timedelta(days=1)).isoformat(), "reason": "WORK",
            "destinationAddress": "广东省深圳市南山区粤海街道"}


def arrival_body(person):
    return dict(person, originCounty="620821", destinationCounty="440305",
                arrivedOn=datetime.date.today().isoformat(), address="广东省深圳市南山区粤海街道科技园", reason="WORK")


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def paced_summary(out_dir, label, rate, seconds, connections):
    """One line for a paced wrk run (deploy/bench/wrk/lookup.lua): its threads' CSV files of
    "due_ms,latency_ms,status,found", latency counted from the time each request was due."""
    rows = []
    for name in glob.glob(os.path.join(out_dir, label + "-*.csv")):
        with open(name) as f:
            rows += [line.rstrip("\n").split(",") for line in f if line.count(",") == 3]
    if not rows:
        sys.exit("no samples in %s/%s-*.csv: see %s/%s.txt" % (out_dir, label, out_dir, label))
    latencies = [float(r[1]) for r in rows]
    due, completed = int(rate) * int(seconds), len(rows)
    span_s = (max(float(r[0]) + float(r[1]) for r in rows) - min(float(r[0]) for r in rows)) / 1000
    ok = sum(1 for r in rows if r[2] == "200")
    found = sum(1 for r in rows if r[3] == "1")
    print("%s target_rate=%s connections=%s due=%d completed=%d ok=%d found=%d errors=%d not_sent=%d achieved_rate=%.1f "
          "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
          % (label, rate, connections, due, completed, ok, found, completed - ok, max(0, due - completed),
             completed / span_s, *(percentile(latencies, p) or 0 for p in (50, 90, 99, 99.9)),
             max(latencies, default=0)))
    # p99 of each 10 s of due times: shows whether the tail is spread over the run or held in one stretch of it
    # (the JIT still compiling, a collection, a checkpoint)
    start = min(float(r[0]) for r in rows)
    by_window = {}
    for r in rows:
        by_window.setdefault(int((float(r[0]) - start) // 10_000), []).append(float(r[1]))
    print("%s p99_ms per 10 s: %s" % (label, " ".join("%.0f" % percentile(by_window[w], 99) for w in sorted(by_window))))


# ------------------------------------------------------------------------------------------------------ sampler
def sample(out_csv, pids_dir, stop_file, max_seconds):
    """Every 0.5 s: RSS, peak RSS (VmHWM) and CPU ticks of each service pid, until stop_file exists."""
    end = time.time() + float(max_seconds)
    with open(out_csv, "w") as out:
        out.write("t,service,pid,rss_kb,hwm_kb,cpu_ticks\n")
        while time.time() < end and not os.path.exists(stop_file):
            now = time.time()
            for service in SERVICES:
                try:
                    pid = next(line[4:].strip() for line in open(os.path.join(pids_dir, service + ".pid"))
                               if line.startswith("pid="))
                    status = dict(line.split(":", 1) for line in open("/proc/%s/status" % pid) if ":" in line)
                    stat = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
                    ticks = int(stat[11]) + int(stat[12])
                    out.write("%.3f,%s,%s,%s,%s,%d\n" % (now, service, pid, status["VmRSS"].split()[0],
                                                         status["VmHWM"].split()[0], ticks))
                except (OSError, StopIteration, KeyError, IndexError):
                    pass
            out.flush()
            time.sleep(0.5)


# -------------------------------------------------------------------------------------------------------- probe
def probe(gateway, token_url, samples, out_json, max_seconds):
    """Event delays, one sample at a time: a registration's 201 until the county's registeredPersons indicator
    counts it; a departure's 201 until the destination's inbox lists its notice."""
    tokens = Tokens(token_url)
    deadline = time.time() + float(max_seconds)
    indicator, notice, notes = [], [], []

    def registered_persons():
        status, body, _ = call(gateway, tokens, "supervisor-6208", "GET", "/api/assessment/counties/620821/indicators")
        if status != 200:
            return None
        value = body.get("indicators", {}).get("registeredPersons")
        return value if isinstance(value, (int, float)) else None

    for i in range(int(samples)):
        if time.time() > deadline:
            notes.append("probe stopped after %d samples: time limit" % i)
            break
        person = resident()
        before = registered_persons()
        if before is None:
            notes.append("indicator registeredPersons of 620821 not readable; registration delay skipped")
        status, body, _ = call(gateway, tokens, "clerk-620821", "POST", "/api/registry/households",
                               household_body("PROBE-%s" % uuid.uuid4().hex[:12], person), key=str(uuid.uuid4()))
        if status != 201:
            notes.append("probe registration answered %s" % status)
            continue
        created = time.monotonic()
        if before is not None:
            limit = created + 15
            while time.monotonic() < limit:
                value = registered_persons()
                if value is not None and value > before:
                    indicator.append((time.monotonic() - created) * 1000)
                    break
                time.sleep(0.02)
            else:
                notes.append("registration not reflected in the indicator within 15 s")
        key = str(uuid.uuid4())
        limit = time.monotonic() + 15
        while time.monotonic() < limit:  # 422 until migration-service has the resident from registry.events
            status, body, _ = call(gateway, tokens, "clerk-620821", "POST", "/api/migration/departures",
                                   departure_body(person), key=key)
            if status != 422:
                break
            time.sleep(0.05)
        if status != 201:
            notes.append("probe departure answered %s" % status)
            continue
        announced, move = time.monotonic(), body["id"]
        limit = announced + 15
        while time.monotonic() < limit:
            status, body, _ = call(gateway, tokens, "clerk-440305", "GET",
                                   "/api/migration/inbox?county=440305&kind=DEPARTURE_NOTICE&size=100")
            if status == 200 and any(item.get("moveId") == move for item in body.get("items", [])):
                notice.append((time.monotonic() - announced) * 1000)
                break
            time.sleep(0.02)
        else:
            notes.append("departure notice not in the inbox within 15 s")
    result = {"indicator_ms": indicator, "notice_ms": notice, "notes": sorted(set(notes))}
    json.dump(result, open(out_json, "w"))


# ---------------------------------------------------------------------------------------------- fault-test load
def fault_load(gateway, token_url, workers, seconds, stop_file, out_json, timeout):
    """Workers each repeat: register a one-person household, announce its departure, register the matching arrival.
    Every POST carries an Idempotency-Key; a timeout, a refused connection, a 5xx or a 409 idempotency-key-in-use is
    retried with the same key (bounded: 40 attempts, 90 s), a 422 on the departure is retried while
    migration-service learns the resident."""
    tokens = Tokens(token_url)
    end = time.time() + float(seconds)
    timeout = float(timeout)
    lock = threading.Lock()
    log = []  # one entry per logical request

    def send(user, path, body, kind):
        key = "fault-%s-%s" % (kind, uuid.uuid4())
        entry = {"kind": kind, "key": key, "attempts": 0, "statuses": [], "max_s": 0.0}
        limit = time.monotonic() + 90
        while entry["attempts"] < 40 and time.monotonic() < limit:
            entry["attempts"] += 1
            status, answer, seconds_taken = call(gateway, tokens, user, "POST", path, body, key=key, timeout=timeout)
            entry["statuses"].append(status)
            entry["max_s"] = max(entry["max_s"], seconds_taken)
            if 200 <= status < 300:
                entry["body"] = answer
                break
            # 409 idempotency-key-in-use: an earlier attempt with this key (one that timed out here) is still
            # running; its answer comes to the next attempt
            in_use = status == 409 and isinstance(answer, dict) and str(answer.get("type", "")).endswith(
                "idempotency-key-in-use")
            if status in (0, TIMED_OUT, 429, 500, 502, 503, 504) or in_use or (status == 422 and kind == "departure"):
                time.sleep(min(2.0, 0.1 * entry["attempts"]))
                continue
            entry["body"] = answer
            break
        with lock:
            log.append(entry)
        return entry

    def worker(n):
        rounds = 0
        while time.time() < end and not os.path.exists(stop_file) and rounds < 100000:
            rounds += 1
            person = resident()
            reg = send("clerk-620821", "/api/registry/households",
                       household_body("FAULT-%s" % uuid.uuid4().hex[:16], person), "registration")
            if not reg["statuses"] or not 200 <= reg["statuses"][-1] < 300:
                continue
            reg["personId"] = reg["body"]["members"][0]["personId"]
            dep = send("clerk-620821", "/api/migration/departures", departure_body(person), "departure")
            if not 200 <= dep["statuses"][-1] < 300:
                continue
            dep["moveId"] = dep["body"]["id"]
            dep["personId"] = reg["personId"]
            arr = send("clerk-440305", "/api/migration/arrivals", arrival_body(person), "arrival")
            if 200 <= arr["statuses"][-1] < 300:
                arr["moveId"] = arr["body"]["id"]
                arr["status"] = arr["body"].get("status")

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(int(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(float(seconds) + 200)
    for entry in log:
        answer = entry.pop("body", None)
        if not (200 <= entry["statuses"][-1] < 300) and isinstance(answer, dict):
            # the final refusal's problem, so a reader of the counts can tell why it was not accepted
            entry["problem"] = str(answer.get("type", "")).rsplit(":", 1)[-1]
            entry["problem_detail"] = answer.get("detail")
    json.dump(log, open(out_json, "w"))


# ------------------------------------------------------------------------------------------ fault-test reconcile
def psql(prefix, database, sql):
    """Runs sql with the cluster's superuser; answers rows as lists of strings."""
    result = subprocess.run(prefix.split() + ["-d", database, "-X", "-q", "-tA", "-F", "|"], input=sql,
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    return [line.split("|") for line in result.stdout.splitlines() if line]


def uuids(values):
    return "array[%s]::uuid[]" % ",".join("'%s'" % v for v in values) if values else "array[]::uuid[]"


def consumer_lag(kafka_libs, bootstrap):
    """Total lag per consumer group (None when the tool fails)."""
    try:
        out = subprocess.run(["java", "-cp", kafka_libs + "/*",
                              "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand", "--bootstrap-server",
                              bootstrap, "--describe", "--all-groups"], capture_output=True, text=True,
                             timeout=120).stdout
    except subprocess.TimeoutExpired:
        return None
    lag = {}
    for line in out.splitlines():
        parts = line.split()  # GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG ...
        if len(parts) >= 6 and parts[0] != "GROUP" and (parts[5].isdigit() or parts[5] == "-"):
            lag[parts[0]] = lag.get(parts[0], 0) + (int(parts[5]) if parts[5].isdigit() else 0)
    return lag


def published_events(kafka_libs, bootstrap, persons):
    """Per event type, the distinct events (and records) on registry.events and migration.events keyed by one of the
    persons: what the outbox relays published for them."""
    keys = "%s/fault-keys-%d.txt" % (os.environ.get("TMPDIR", "/tmp"), os.getpid())
    with open(keys, "w") as f:
        f.write("\n".join(persons) + "\n")
    try:
        out = subprocess.run(["java", "-cp", kafka_libs + "/*", os.path.join(os.path.dirname(__file__), "EventCount.java"),
                              bootstrap, keys, "registry.events", "migration.events"],
                             capture_output=True, text=True, timeout=600)
    finally:
        os.remove(keys)
    published = {}
    for line in out.stdout.splitlines():
        topic, event_type, events, records = line.split()
        published[event_type] = {"events": int(events), "records": int(records)}
    if out.returncode != 0:
        published["error"] = out.stderr.strip()[-500:]
    return published


def reconcile(log_json, psql_prefix, kafka_libs, bootstrap, timeout, out_json, max_wait):
    log = json.load(open(log_json))
    timeout = float(timeout)
    ok = lambda e: e["statuses"] and 200 <= e["statuses"][-1] < 300
    regs = [e for e in log if e["kind"] == "registration"]
    deps = [e for e in log if e["kind"] == "departure"]
    arrs = [e for e in log if e["kind"] == "arrival"]
    persons = [e["personId"] for e in regs if ok(e) and "personId" in e]
    moves = [e["moveId"] for e in deps if ok(e) and "moveId" in e]
    settled = [e["moveId"] for e in arrs if ok(e) and e.get("status") == "SETTLED"]
    unverified = [e["moveId"] for e in arrs if ok(e) and e.get("status") != "SETTLED"]
    counts = {
        "requests": len(log),
        "accepted": {"registrations": len(persons), "departures": len(moves), "arrivals": sum(ok(e) for e in arrs)},
        "arrivals settled": len(settled),
        "arrivals unverified (a verification request opened)": len(unverified),
        "not accepted (final answer not 2xx)": {},
        "departures retried while migration-service learnt the resident (422)":
            sum(1 for e in log if e["kind"] == "departure" and 422 in e["statuses"]),
        "attempts without an answer (refused or reset)": sum(e["statuses"].count(0) for e in log),
        "answers 5xx": sum(sum(1 for s in e["statuses"] if s >= 500) for e in log),
        # no answer within the timeout (the client gave up), or an answer that came later than that
        "hung beyond the timeout": sum(e["statuses"].count(TIMED_OUT) for e in log)
                                   + sum(1 for e in log if e["max_s"] > timeout + 2),
    }
    for e in log:
        if not ok(e):
            key = "%s %s" % (e["kind"], e["statuses"][-1] if e["statuses"] else "none")
            if e.get("problem"):
                key += " " + e["problem"]
            counts["not accepted (final answer not 2xx)"][key] = counts["not accepted (final answer not 2xx)"].get(key, 0) + 1
    end = time.time() + float(max_wait)
    while True:
        q = {}
        try:
            q["registry persons"] = int(psql(psql_prefix, "liudong_registry",
                                             "select count(*) from person where id = any(%s)" % uuids(persons))[0][0])
            q["registry outbox"] = int(psql(psql_prefix, "liudong_registry", "select count(*) from outbox")[0][0])
            q["migration persons"] = int(psql(psql_prefix, "liudong_migration",
                                              "select count(*) from person where id = any(%s)" % uuids(persons))[0][0])
            row = psql(psql_prefix, "liudong_migration",
                       "select count(*), count(distinct person_id) from move where person_id = any(%s)" % uuids(persons))[0]
            q["migration moves"], q["migration persons with a move"] = int(row[0]), int(row[1])
            q["migration moves accepted"] = int(psql(psql_prefix, "liudong_migration",
                                                     "select count(*) from move where id = any(%s)" % uuids(moves))[0][0])
            q["migration moves settled"] = int(psql(psql_prefix, "liudong_migration",
                                                    "select count(*) from move where status = 'SETTLED' and id = any(%s)"
                                                    % uuids(settled))[0][0])
            q["migration moves unverified with a request"] = int(psql(
                psql_prefix, "liudong_migration", "select count(*) from move m where m.id = any(%s) and exists"
                " (select 1 from verification v where v.move_id = m.id)" % uuids(unverified))[0][0])
            for kind, n in psql(psql_prefix, "liudong_migration",
                                "select kind, count(*) from inbox_item where move_id = any(%s) group by kind" % uuids(moves)):
                q["inbox " + kind] = int(n)
            q["migration outbox"] = int(psql(psql_prefix, "liudong_migration", "select count(*) from outbox")[0][0])
            q["assessment persons"] = int(psql(psql_prefix, "liudong_assessment",
                                               "select count(*) from projection.person where person_id = any(%s)"
                                               % uuids(persons))[0][0])
            q["assessment moves"] = int(psql(psql_prefix, "liudong_assessment",
                                             "select count(*) from projection.move where move_id = any(%s)" % uuids(moves))[0][0])
            q["assessment moves settled"] = int(psql(psql_prefix, "liudong_assessment",
                                                     "select count(*) from projection.move where status = 'SETTLED' and "
                                                     "move_id = any(%s)" % uuids(settled))[0][0])
            q["assessment outbox"] = int(psql(psql_prefix, "liudong_assessment", "select count(*) from public.outbox")[0][0])
        except (RuntimeError, IndexError, ValueError, subprocess.TimeoutExpired) as e:
            q["error"] = str(e)
        expected = {
            "registry persons": len(persons), "migration persons": len(persons), "assessment persons": len(persons),
            "migration moves accepted": len(moves), "assessment moves": len(moves),
            "migration moves settled": len(settled), "assessment moves settled": len(settled),
            "migration moves unverified with a request": len(unverified),
            "inbox DEPARTURE_NOTICE": len(moves), "inbox ARRIVAL_NOTICE": len(settled),
            "registry outbox": 0, "migration outbox": 0, "assessment outbox": 0,
        }
        missing = {k: v - q.get(k, 0) for k, v in expected.items() if q.get(k, 0) < v}
        extra = {k: q.get(k, 0) - v for k, v in expected.items() if q.get(k, 0) > v}
        extra_moves = q.get("migration moves", 0) - q.get("migration persons with a move", 0)
        if extra_moves:
            extra["moves beyond one per person"] = extra_moves
        if (not missing and not extra and "error" not in q) or time.time() > end:
            break
        time.sleep(3)
    published = published_events(kafka_libs, bootstrap, persons)
    for event_type, want in (("liudong.registry.person-registered.v1", len(persons)),
                             ("liudong.migration.departure-registered.v1", len(moves)),
                             ("liudong.migration.move-settled.v1", len(settled))):
        have = published.get(event_type, {}).get("events", 0)
        if have < want:
            missing["published " + event_type] = want - have
    lag = consumer_lag(kafka_libs, bootstrap)
    counts["persisted"] = {"registrations": q.get("registry persons"), "departures": q.get("migration moves accepted"),
                           "arrivals settled": q.get("migration moves settled")}
    counts["published (distinct events on the topics for the accepted persons; records incl. redeliveries)"] = published
    counts["outbox rows left unpublished"] = {s: q.get(s + " outbox") for s in ("registry", "migration", "assessment")}
    counts["consumed"] = {k: q.get(k) for k in ("migration persons", "assessment persons", "assessment moves",
                                                  "assessment moves settled", "inbox DEPARTURE_NOTICE",
                                                  "inbox ARRIVAL_NOTICE")}
    counts["consumer lag per group"] = lag
    counts["duplicates suppressed"] = {
        "requests retried after a timeout, refused connection or 5xx, then 2xx (same key, one effect)":
            sum(1 for e in log if ok(e) and any(x == 0 or x >= 500 or x == 429 for x in e["statuses"][:-1])),
        "extra effects found": extra}
    lost = sum(missing.values()) if "error" not in q else -1
    counts["missing"] = missing
    counts["lost"] = lost
    if "error" in q:
        counts["error"] = q["error"]
    json.dump(counts, open(out_json, "w"), indent=2, ensure_ascii=False)
    print(json.dumps(counts, indent=2, ensure_ascii=False))
    failed = lost != 0 or extra or counts["hung beyond the timeout"] > 0
    sys.exit(1 if failed else 0)


# ---------------------------------------------------------------------------------------------------- reporting
def load_json(path, default=None):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return default


def svg_lines(series, title, y_label, width=900, height=260):
    """A small line chart: series = [(name, [(x, y), ...])]."""
    points = [p for _, s in series for p in s]
    if not points:
        return "<p>%s: no data</p>" % html.escape(title)
    x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
    y1 = max(p[1] for p in points) or 1
    x1 = x1 if x1 > x0 else x0 + 1
    left, bottom = 60, 30
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    def sx(x):
        return left + (x - x0) / (x1 - x0) * (width - left - 130)

    def sy(y):
        return height - bottom - y / y1 * (height - bottom - 20)

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
             'font-size="11">' % (width, height),
             '<text x="%d" y="14" font-size="13">%s</text>' % (left, html.escape(title)),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>' % (left, sy(0), width - 130, sy(0)),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>' % (left, sy(0), left, sy(y1))]
    for k in range(5):
        y = y1 * k / 4
        parts.append('<text x="%d" y="%d" text-anchor="end">%.0f</text>' % (left - 4, sy(y) + 4, y))
        parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (left, sy(y), width - 130, sy(y)))
    parts.append('<text x="%d" y="%d">%s</text>' % (left, height - 6, html.escape("seconds into the run; " + y_label)))
    parts.append('<text x="%d" y="%d" text-anchor="end">%.0f</text>' % (width - 130, height - 16, x1 - x0))
    for i, (name, s) in enumerate(series):
        colour = colours[i % len(colours)]
        path = " ".join("%.1f,%.1f" % (sx(x), sy(y)) for x, y in sorted(s))
        parts.append('<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>' % (colour, path))
        parts.append('<text x="%d" y="%d" fill="%s">%s</text>' % (width - 120, 30 + 14 * i, colour, html.escape(name)))
    parts.append("</svg>")
    return "".join(parts)


def per_second(out_dir, scenario):
    """From the per-response CSVs: [(second, requests, p99 latency ms)]."""
    buckets = {}
    for path in glob.glob(os.path.join(out_dir, "wrk", scenario + "-[0-9]*.csv")):
        for line in open(path):
            try:
                t, latency, _ = line.split(",")
            except ValueError:
                continue
            buckets.setdefault(int(float(t) / 1000), []).append(float(latency))
    if not buckets:
        return []
    start = min(buckets)
    return [(s - start, len(v), percentile(v, 99)) for s, v in sorted(buckets.items())]


def csv_span(out_dir, label):
    """Seconds from the first request sent to the last answer, from the per-response CSVs."""
    first, last = None, None
    for path in glob.glob(os.path.join(out_dir, "wrk", label + "-[0-9]*.csv")):
        for line in open(path):
            try:
                t, latency, _ = line.split(",")
                t, latency = float(t), float(latency)
            except ValueError:
                continue
            first = t - latency if first is None else min(first, t - latency)
            last = t if last is None else max(last, t)
    return None if first is None else (last - first) / 1000


def report(out_dir):
    runs = {}
    for path in glob.glob(os.path.join(out_dir, "wrk", "*.json")):
        data = load_json(path)
        if data:
            runs[data.get("label", data["scenario"])] = data
    base = load_json(os.path.join(out_dir, "baselines.json"), {})
    startup = load_json(os.path.join(out_dir, "startup.json"), {})
    probe_result = load_json(os.path.join(out_dir, "probe.json"), {})
    skipped = load_json(os.path.join(out_dir, "skipped.json"), [])
    machine = load_json(os.path.join(out_dir, "machine.json"), {})

    resources = {}
    try:
        rows = [line.strip().split(",") for line in open(os.path.join(out_dir, "resources.csv"))][1:]
    except OSError:
        rows = []
    by_service = {}
    for t, service, pid, rss, hwm, ticks in rows:
        by_service.setdefault(service, []).append((float(t), pid, int(rss), int(hwm), int(ticks)))
    cpu_series = []
    rss_series = []
    t_start = min((r[0] for v in by_service.values() for r in v), default=0)
    for service, samples in by_service.items():
        peak_cpu, series, mem = 0.0, [], []
        for a, b in zip(samples, samples[1:]):
            if a[1] == b[1] and b[0] > a[0]:
                cpu = (b[4] - a[4]) / TICKS / (b[0] - a[0]) * 100
                series.append((b[0] - t_start, cpu))
                peak_cpu = max(peak_cpu, cpu)
        mem = [(s[0] - t_start, s[2] / 1024) for s in samples]
        total_cpu = sum(c for _, c in series) / len(series) if series else 0
        resources[service] = {"peak_rss_mb": max(s[3] for s in samples) / 1024, "peak_cpu_pct": peak_cpu,
                              "mean_cpu_pct": total_cpu}
        cpu_series.append((service, series))
        rss_series.append((service, mem))

    lines = []

    def out(text=""):
        lines.append(text)

    out("Liudong benchmark — %s" % machine.get("when", ""))
    out("machine: %s" % machine.get("summary", "?"))
    out("load averages before / after: %s / %s" % (machine.get("load_before", "?"), machine.get("load_after", "?")))
    out()
    out("%-22s %8s %8s %7s %8s %8s %8s %8s" % ("request type", "threads", "req/s", "non2xx", "p50 ms", "p95 ms",
                                              "p99 ms", "max ms"))
    order = ["register", "depart", "arrive", "lookup", "inbox", "indicators", "depart-half"]
    for label in order + sorted(set(runs) - set(order)):
        r = runs.get(label)
        if not r:
            continue
        span = csv_span(out_dir, label)
        if span is not None and span + 0.5 < r["duration_s"]:  # the threads ran out of residents early
            r["duration_s"] = span + 0.5
        rate = (r["requests"] - r["non2xx"]) / r["duration_s"] if r["duration_s"] else 0
        r["ok_rate"] = rate
        out("%-22s %8d %8.1f %7d %8.1f %8.1f %8.1f %8.1f" % (label, r["threads"], rate, r["non2xx"], r["p50_ms"],
                                                            r["p95_ms"], r["p99_ms"], r["max_ms"]))
    mix_rates = [runs[label]["ok_rate"] for label in runs if label.startswith("mix-") and "ok_rate" in runs[label]]
    if mix_rates:
        out("%-22s %8s %8.1f  (the mix-* rows together: every request type at once)" % ("mix, all types", "",
                                                                                      sum(mix_rates)))
    for line in skipped:
        out("skipped: " + line)
    out("(req/s counts 2xx answers only; non2xx = answers that were not 2xx)")
    out()
    out("baselines: pgbench single-row insert, 16 clients: %s TPS; Kafka ProducerPerformance acks=all: %s records/s"
        " (%s)" % (fmt(base.get("pgbench_tps")), fmt(base.get("kafka_records_per_s")), base.get("kafka_detail", "")))
    depart = runs.get("depart", {}).get("ok_rate")
    ratio_pg = depart / base["pgbench_tps"] if depart and base.get("pgbench_tps") else None
    ratio_kafka = depart / base["kafka_records_per_s"] if depart and base.get("kafka_records_per_s") else None
    register = runs.get("register", {}).get("ok_rate")
    out("ratios: departures / pgbench = %s, departures / Kafka producer = %s, registrations / pgbench = %s" % (
        pct(ratio_pg), pct(ratio_kafka),
        pct(register / base["pgbench_tps"] if register and base.get("pgbench_tps") else None)))
    out()
    ind, notice = probe_result.get("indicator_ms", []), probe_result.get("notice_ms", [])
    out("event delay (ms)                        n      p50      p95      p99      max")
    for name, values in (("registration 201 -> indicator", ind), ("departure 201 -> destination inbox", notice)):
        if values:
            out("%-34s %6d %8.0f %8.0f %8.0f %8.0f" % (name, len(values), percentile(values, 50),
                                                       percentile(values, 95), percentile(values, 99), max(values)))
        else:
            out("%-34s no samples" % name)
    for note in probe_result.get("notes", []):
        out("probe: " + note)
    out()
    out("%-12s %13s %13s %13s %12s %14s" % ("service", "peak RSS MB", "peak CPU %", "mean CPU %", "ready ms",
                                            "Quarkus start"))
    for service in SERVICES:
        r = resources.get(service, {})
        s = startup.get(service, {})
        out("%-12s %13s %13s %13s %12s %14s" % (service, fmt(r.get("peak_rss_mb")), fmt(r.get("peak_cpu_pct")),
                                                fmt(r.get("mean_cpu_pct")), fmt(s.get("ready_ms")),
                                                s.get("quarkus", "")))
    out("(CPU % of one core, 100 = one core busy; ready ms = process start until /q/health/ready answers 200)")
    out()
    checks = []
    half = runs.get("depart-half")
    checks.append(("departures >= 25 % of pgbench insert TPS", ratio_pg is not None and ratio_pg >= 0.25,
                   pct(ratio_pg)))
    checks.append(("p99 write latency <= 50 ms at half the maximum rate", half is not None and half["p99_ms"] <= 50,
                   "%s ms at %s req/s" % (fmt(half and half["p99_ms"]), fmt(half and half.get("ok_rate")))))
    worst = max([percentile(v, 99) for v in (ind, notice) if v] or [None], key=lambda v: v or 0)
    checks.append(("notice/indicator delay p99 <= 1 s", bool(ind and notice) and worst <= 1000,
                   "%s ms" % fmt(worst)))
    rss = [r["peak_rss_mb"] for r in resources.values()]
    checks.append(("each service <= 300 MB RSS", len(rss) == 4 and max(rss) <= 300, "max %s MB" % fmt(max(rss or [0]))))
    ready = [s.get("ready_ms") for s in startup.values() if s.get("ready_ms") is not None]
    checks.append(("each service ready <= 3 s", len(ready) == 4 and max(ready) <= 3000,
                   "max %s ms" % fmt(max(ready or [0])) if ready else "not measured (services were reused)"))
    out("targets")
    for name, ok, detail in checks:
        out("  %-4s %-52s %s" % ("PASS" if ok else "FAIL", name, detail))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(out_dir, "summary.txt"), "w").write(text + "\n")

    charts = []
    lat = [(label, [(s, p) for s, _, p in per_second(out_dir, label)]) for label in order]
    charts.append(svg_lines([x for x in lat if x[1]], "p99 latency per second, by request type", "ms"))
    thr = [(label, [(s, n) for s, n, _ in per_second(out_dir, label)]) for label in order]
    charts.append(svg_lines([x for x in thr if x[1]], "throughput per second, by request type", "answers/s"))
    mix = sorted(label for label in runs if label.startswith("mix-"))
    if mix:
        charts.append(svg_lines([(label, [(s, p) for s, _, p in per_second(out_dir, label)]) for label in mix],
                                "the mix (every request type at once): p99 latency per second", "ms"))
        charts.append(svg_lines([(label, [(s, n) for s, n, _ in per_second(out_dir, label)]) for label in mix],
                                "the mix: throughput per second", "answers/s"))
    charts.append(svg_lines(cpu_series, "CPU per service over the whole run", "% of one core"))
    charts.append(svg_lines(rss_series, "RSS per service over the whole run", "MB"))
    if ind or notice:
        charts.append(svg_lines([("registration -> indicator", list(enumerate(ind))),
                                 ("departure -> inbox", list(enumerate(notice)))],
                                "event delay per probe sample (x = sample number)", "ms"))
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>Liudong benchmark</title>"
            "<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}</style></head><body>"
            "<h1>Liudong benchmark</h1><pre>%s</pre>%s</body></html>" % (
                html.escape(text), "".join("<div>%s</div>" % c for c in charts)))
    open(os.path.join(out_dir, "report.html"), "w").write(page)
    print("\nreport: %s" % os.path.join(out_dir, "report.html"))


def fmt(value):
    if value is None:
        return "-"
    return "%.0f" % value if abs(value) >= 100 else "%.1f" % value


def pct(value):
    return "-" if value is None else "%.1f %%" % (value * 100)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"sample": sample, "probe": probe, "fault-load": fault_load, "reconcile": reconcile, "report": report,
     "paced-summary": paced_summary}[command](*args)
