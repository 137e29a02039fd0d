#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Export benchmark: adds responses to the demo questionnaire "Tevredenheid inwoners" until it holds
# about one million answers, then downloads the raw answers (CSV zip and XLSX) through the API while
# sampling the heap of the running Stadskompas with jstat. Run Stadskompas first, on PostgreSQL with
# the demo organisation and a small heap, for example -Xmx128m (see docs/benchmarks.md).
#
# Usage: src/benchmark/export-benchmark.sh <pid of Stadskompas> [database] [base url] [admin password]
set -euo pipefail
PID=$1
DB=${2:-sk_fbdata}
BASE=${3:-http://localhost:18102}
PASSWORD=${4:-benchmark-secret-1}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -At)
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat

read -r TENANT QUESTIONNAIRE VERSION < <("${PSQL[@]}" -F ' ' -c "SELECT tenant_id, id, published_id FROM fb_questionnaire
    WHERE name = 'Tevredenheid inwoners' AND published_id IS NOT NULL ORDER BY created_at LIMIT 1")
ANSWERS=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM fb_answer a JOIN fb_response r ON r.id = a.response_id
    WHERE r.questionnaire_id = '$QUESTIONNAIRE'")
if (( ANSWERS < 1000000 )); then
    RESPONSES=$(( (1000000 - ANSWERS + 9) / 10 ))
    echo "Adding $RESPONSES responses with 10 answers each"
    "${PSQL[@]}" -q <<SQL
CREATE TEMP TABLE bench AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, $RESPONSES) AS n;
INSERT INTO fb_response (id, tenant_id, questionnaire_id, version_id, submitted_on, channel, via)
    SELECT id, '$TENANT', '$QUESTIONNAIRE', '$VERSION', DATE '2025-01-06' + (n % 300), 'DESK', 'IMPORT' FROM bench;
INSERT INTO fb_answer (response_id, question_key, answer_index, value_number, value_code, value_text, dont_know)
    SELECT b.id, k.key, 0, CASE WHEN k.key = 'AGE' THEN NULL WHEN k.key = 'MARK' THEN 1 + b.n % 10 ELSE 1 + b.n % 5 END,
           CASE WHEN k.key = 'AGE' THEN 'u25' END, NULL, FALSE
    FROM bench b CROSS JOIN (VALUES ('S1'), ('S2'), ('S3'), ('S4'), ('S5'), ('S6'), ('S7'), ('S8'), ('MARK'), ('AGE')) AS k(key);
ANALYZE fb_response; ANALYZE fb_answer;
SQL
fi
ANSWERS=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM fb_answer a JOIN fb_response r ON r.id = a.response_id
    WHERE r.questionnaire_id = '$QUESTIONNAIRE'")
RESPONSES=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM fb_response WHERE questionnaire_id = '$QUESTIONNAIRE'")
echo "Questionnaire $QUESTIONNAIRE: $RESPONSES responses, $ANSWERS answers"

for FORMAT in CSV XLSX; do
    "$JSTAT" -gc "$PID" 250 > "heap-$FORMAT.txt" &
    SAMPLER=$!
    TIME=$(curl -sS -u "beheerder:$PASSWORD" -H "X-Tenant-Id: $TENANT" -o "export.$FORMAT" -w '%{time_total}' \
        "$BASE/api/v1/feedback/questionnaires/$QUESTIONNAIRE/exports/raw?format=$FORMAT")
    sleep 1
    kill "$SAMPLER"
    # Heap in use = survivor + eden + old generation, in kB (jstat -gc columns S0U S1U EU OU).
    PEAK=$(awk 'NR > 1 { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "heap-$FORMAT.txt")
    SIZE=$(stat -c %s "export.$FORMAT")
    awk -v f="$FORMAT" -v t="$TIME" -v r="$RESPONSES" -v a="$ANSWERS" -v p="$PEAK" -v s="$SIZE" 'BEGIN {
        printf "%s: %d responses (%d answers) in %.1f s = %.0f responses/s, %.0f answers/s; file %.1f MB; peak heap in use %d MB\n",
            f, r, a, t, r / t, a / t, s / 1048576, p }'
done
