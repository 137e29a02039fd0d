#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Dashboard benchmark: fills the demo organisation with ANSWERS survey answers (responses to the demo
# questionnaire "Tevredenheid inwoners" with 10 answers each: the statements and the report mark) and
# CASES cases, spread over the last 24 months and over the organisation's municipalities, services,
# channels, teams and case types; refreshes the KPI roll-ups (timed); then requests the filtered KPI
# figures through the API REQUESTS times (p50/p95) and, in the same run, computes the mean report mark
# for the same filter and period with plain SQL over the raw answers (timed the same way), and prints
# the ratio. Run Stadskompas first, on PostgreSQL with the demo organisation (see docs/benchmarks.md).
#
# Usage: src/benchmark/dashboard-benchmark.sh [database] [base url] [admin password]
# Environment: ANSWERS (1000000), CASES (1000000), REQUESTS (200), PAGE_REQUESTS (200), SQL_RUNS (20),
# PERIOD (2026-Q3)
set -euo pipefail
DB=${1:-sk_bench2}
BASE=${2:-http://localhost:18110}
PASSWORD=${3:-benchmark-secret-1}
ANSWERS=${ANSWERS:-1000000}
CASES=${CASES:-1000000}
REQUESTS=${REQUESTS:-200}
SQL_RUNS=${SQL_RUNS:-20}
PAGE_REQUESTS=${PAGE_REQUESTS:-200}
PERIOD=${PERIOD:-2026-Q3}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -At -v ON_ERROR_STOP=1)
# Response times and the fetched page go to a folder of their own, never into the working tree.
OUT=$(mktemp -d)

load() { cut -d ' ' -f 1-3 /proc/loadavg; }

read -r TENANT QUESTIONNAIRE VERSION < <("${PSQL[@]}" -F ' ' -c "SELECT tenant_id, id, published_id FROM fb_questionnaire
    WHERE name = 'Tevredenheid inwoners' AND published_id IS NOT NULL ORDER BY created_at LIMIT 1")
# The scale questions of the questionnaire: up to 9 statements and the report mark.
KEYS=$("${PSQL[@]}" -c "SELECT string_agg(format('(%L, %s)', question_key, CASE WHEN type = 'MARK' THEN 10 ELSE 5 END), ', ')
    FROM (SELECT question_key, type FROM fb_question WHERE fb_version = '$VERSION' AND condition_key IS NULL
          AND (type = 'MARK' OR (source IN ('STATEMENT', 'ASPECT') AND type = 'AGREEMENT'))
          ORDER BY CASE WHEN type = 'MARK' THEN 0 ELSE 1 END, question_index LIMIT 10) q")
PER_RESPONSE=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM (VALUES $KEYS) AS k(key, top)")
echo "Questionnaire $QUESTIONNAIRE, answers per response: $PER_RESPONSE ($KEYS)"

HAVE=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM fb_answer a JOIN fb_response r ON r.id = a.response_id WHERE r.location = 'benchmark'")
if (( HAVE < ANSWERS )); then
    RESPONSES=$(( (ANSWERS - HAVE + PER_RESPONSE - 1) / PER_RESPONSE ))
    echo "Adding $RESPONSES responses ($(( RESPONSES * PER_RESPONSE )) answers); load $(load)"
    START=$(date +%s.%N)
    "${PSQL[@]}" -q <<SQL
CREATE TEMP TABLE m AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS i FROM org_municipality WHERE tenant_id = '$TENANT';
CREATE TEMP TABLE s AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS i FROM org_service WHERE tenant_id = '$TENANT';
CREATE TEMP TABLE bench AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, $RESPONSES) AS n;
INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, service_id, channel, municipality_id, location, via)
    SELECT b.id, '$TENANT', '$QUESTIONNAIRE', '$VERSION', CURRENT_DATE - (b.n % 730), s.id,
           (ARRAY['ONLINE', 'PHONE', 'DESK', 'EMAIL'])[1 + b.n % 4], m.id, 'benchmark', 'LINK'
    FROM bench b LEFT JOIN m ON m.i = b.n % GREATEST(1, (SELECT COUNT(*) FROM m))
    LEFT JOIN s ON s.i = (b.n / 7) % GREATEST(1, (SELECT COUNT(*) FROM s));
INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, value_code, value_text, dont_know)
    SELECT b.id, k.key, 0, 1 + FLOOR(RANDOM() * k.top)::int, NULL, NULL, FALSE
    FROM bench b CROSS JOIN (VALUES $KEYS) AS k(key, top);
ANALYZE fb_response; ANALYZE fb_answer;
SQL
    echo "Answers inserted in $(echo "$(date +%s.%N) - $START" | bc) s"
fi

HAVE=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM case_file WHERE tenant_id = '$TENANT' AND reference LIKE 'BD-%'")
if (( HAVE < CASES )); then
    echo "Adding $(( CASES - HAVE )) cases; load $(load)"
    START=$(date +%s.%N)
    "${PSQL[@]}" -q <<SQL
CREATE TEMP TABLE t AS SELECT id, owner_team_id, norm_days, kind, ROW_NUMBER() OVER (ORDER BY id) - 1 AS i
    FROM case_type WHERE tenant_id = '$TENANT';
INSERT INTO case_file (id, tenant_id, reference, case_type_id, kind, channel, owner_team_id, subject, registered_at,
        registered_on, norm_days, norm_date, expected_date, status_code, closed_at, version)
    SELECT gen_random_uuid(), '$TENANT', 'BD-' || LPAD(n::text, 9, '0'), t.id, t.kind,
           (ARRAY['ONLINE', 'PHONE', 'DESK', 'EMAIL'])[1 + n % 4], t.owner_team_id, 'Benchmark',
           d::timestamptz, d, t.norm_days, d + t.norm_days * 7 / 5, d + t.norm_days * 7 / 5, 'BENCHMARK',
           CASE WHEN n % 10 = 0 OR d + (n % 60) > CURRENT_DATE THEN NULL
                ELSE (d + (n % 60))::timestamptz + INTERVAL '10 hours' END, 0
    FROM (SELECT n, CURRENT_DATE - (n % 730) AS d FROM generate_series($HAVE + 1, $CASES) AS n) g
    JOIN t ON t.i = g.n % (SELECT COUNT(*) FROM t);
ANALYZE case_file;
SQL
    echo "Cases inserted in $(echo "$(date +%s.%N) - $START" | bc) s"
fi

echo "Data: $("${PSQL[@]}" -c "SELECT COUNT(*) FROM fb_answer a JOIN fb_response r ON r.id = a.response_id WHERE r.tenant_id = '$TENANT'") answers,"\
" $("${PSQL[@]}" -c "SELECT COUNT(*) FROM case_file WHERE tenant_id = '$TENANT'") cases for tenant $TENANT"

CURL=(curl -sS -u "beheerder:$PASSWORD" -H "X-Tenant-Id: $TENANT")
until curl -s -o /dev/null -m 5 "$BASE/"; do echo "Waiting for Stadskompas at $BASE"; sleep 5; done
echo "Refreshing the KPI roll-ups; load before $(load)"
TIME=$("${CURL[@]}" -X POST -o /dev/null -w '%{http_code} %{time_total}' "$BASE/api/v1/insights/kpis/refresh")
echo "REFRESH: status ${TIME% *}, ${TIME#* } s; load after $(load); roll-up rows: $("${PSQL[@]}" -c "SELECT COUNT(*) FROM ins_kpi_rollup WHERE tenant_id = '$TENANT'")"

# The filter: one service and one channel, for the period; the busiest service of the answers.
SERVICE=$("${PSQL[@]}" -c "SELECT service_id FROM fb_response WHERE tenant_id = '$TENANT' AND service_id IS NOT NULL
    GROUP BY service_id ORDER BY COUNT(*) DESC LIMIT 1")
CHANNEL=PHONE
QUERY="period=$PERIOD&service=$SERVICE&channel=$CHANNEL"
read -r FROM TO < <("${PSQL[@]}" -F ' ' -c "SELECT make_date(y, 3 * q - 2, 1), (make_date(y, 3 * q - 2, 1) + INTERVAL '3 months' - INTERVAL '1 day')::date
    FROM (SELECT split_part('$PERIOD', '-Q', 1)::int AS y, split_part('$PERIOD', '-Q', 2)::int AS q) p")
echo "Filter: $QUERY ($FROM to $TO)"

percentiles() { sort -n | awk '{ v[NR] = $1 } END { printf "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR] }'; }

"${CURL[@]}" -o "$OUT/figures.json" "$BASE/api/v1/insights/kpis/figures?$QUERY"
echo "Figures: $(head -c 300 "$OUT/figures.json")..."
for i in $(seq 1 10); do "${CURL[@]}" -o /dev/null "$BASE/api/v1/insights/kpis/figures?$QUERY"; done
echo "API: $REQUESTS requests; load before $(load)"
for i in $(seq 1 "$REQUESTS"); do
    "${CURL[@]}" -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/insights/kpis/figures?$QUERY"
done | awk '{ print $1 * 1000 }' > "$OUT/api-times.txt"
API=$(percentiles < "$OUT/api-times.txt")
echo "API figures: $API; load after $(load)"

# The same page a user sees: sign in with a session (form and CSRF token), then the filtered dashboard.
JAR=$(mktemp)
CSRF=$(curl -sS -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -sS -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" -d username=beheerder -d "password=$PASSWORD" "$BASE/login"
PAGE=(curl -sS -c "$JAR" -b "$JAR")
"${PAGE[@]}" -o "$OUT/dashboard.html" "$BASE/insights?$QUERY"
echo "Page: $(grep -c '<svg' "$OUT/dashboard.html") charts, $(grep -c '??' "$OUT/dashboard.html") missing texts"
for i in $(seq 1 10); do "${PAGE[@]}" -o /dev/null "$BASE/insights?$QUERY"; done
echo "Page: $PAGE_REQUESTS requests; load before $(load)"
for i in $(seq 1 "$PAGE_REQUESTS"); do
    "${PAGE[@]}" -o /dev/null -w '%{time_total}\n' "$BASE/insights?$QUERY"
done | awk '{ print $1 * 1000 }' > "$OUT/page-times.txt"
echo "PAGE /insights: $(percentiles < "$OUT/page-times.txt"); load after $(load)"
rm -f "$JAR"

# The same figure (mean report mark of residents for the filter and period) in plain SQL over the raw
# answers: once as PostgreSQL plans it (with the indexes of the feedback tables), and once as a full
# scan of all raw answers (index scans switched off for the session).
SQL="SELECT COUNT(*), AVG(a.value_number) FROM fb_answer a JOIN fb_response r ON r.id = a.response_id
    JOIN fb_questionnaire q ON q.id = r.questionnaire_id
    WHERE r.tenant_id = '$TENANT' AND q.kind = 'RESIDENT' AND a.question_key = 'MARK' AND a.dont_know = FALSE
    AND a.value_number IS NOT NULL AND r.service_id = '$SERVICE' AND r.channel = '$CHANNEL'
    AND r.submitted_on BETWEEN '$FROM' AND '$TO'"
FULL="SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;"
echo "SQL result (answers, mean report mark): $("${PSQL[@]}" -F ' ' -c "$SQL")"
for MODE in planned full; do
    SETUP=""
    [[ $MODE == full ]] && SETUP=$FULL
    PLAN=$({ echo "$SETUP"; echo "EXPLAIN $SQL;"; } | "${PSQL[@]}" -q | grep -o 'Seq Scan on [a-z_]*\|Index[ A-Za-z]* Scan using [a-z_]*\|Bitmap Index Scan on [a-z_]*' | sort -u | paste -sd ',')
    echo "SQL $MODE ($PLAN): $SQL_RUNS runs; load before $(load)"
    { echo "$SETUP"; echo '\timing on'; for i in $(seq 1 "$SQL_RUNS"); do echo "$SQL;"; done; } | "${PSQL[@]}" -q \
        | awk '/^Time:/ { print $2 }' > "$OUT/sql-$MODE-times.txt"
    echo "SQL $MODE: $(percentiles < "$OUT/sql-$MODE-times.txt"); load after $(load)"
done
p50() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int(NR * 0.5 + 0.5)] }'; }
for MODE in planned full; do
    awk -v a="$(p50 "$OUT/api-times.txt")" -v p="$(p50 "$OUT/page-times.txt")" -v s="$(p50 "$OUT/sql-$MODE-times.txt")" -v m="$MODE" 'BEGIN {
        printf "RATIO SQL %s / API figures (p50): %.2f; SQL %s / dashboard page (p50): %.2f\n", m, s / a, m, s / p }'
done
