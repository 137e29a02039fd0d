// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The segment question of an organisation: one single-choice question of its bank (such as the
 * standard "resident or entrepreneur" question) whose answer divides respondents into segments. The
 * KPI dashboard can then show survey figures of one segment. Respondents who did not answer it
 * belong to no segment. Nothing about a respondent is kept beyond the answer they gave.
 */
@Service
public class SegmentQuestion {

    private final JdbcClient jdbc;
    private final QuestionBank bank;

    SegmentQuestion(JdbcClient jdbc, QuestionBank bank) {
        this.jdbc = jdbc;
        this.bank = bank;
    }

    /** The key of the segment question, if the organisation chose one. */
    @Transactional(readOnly = true)
    public Optional<String> key(UUID tenantId) {
        return jdbc.sql("SELECT question_key FROM fb_segment_question WHERE tenant_id = :t").param("t", tenantId)
                .query(String.class).optional();
    }

    /** The options of the segment question as the bank holds them, in order; empty without one. */
    @Transactional(readOnly = true)
    public List<ChoiceOption> options(UUID tenantId) {
        return key(tenantId).map(key -> jdbc.sql("SELECT o.code, o.label_nl, o.label_en FROM fb_bank_option o "
                        + "JOIN fb_bank_item i ON i.id = o.fb_bank_item WHERE i.tenant_id = :t AND i.item_key = :k "
                        + "ORDER BY o.option_index")
                .param("t", tenantId).param("k", key)
                .query((rs, i) -> new ChoiceOption(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .orElse(List.of());
    }

    /**
     * Makes a single-choice question of the bank the segment question (replacing the one before), or
     * stops using one when the key is blank.
     *
     * @throws ValidationProblem when the bank has no single-choice question with the key
     */
    @Transactional
    public void choose(TenantContext tenant, String key) {
        tenant.require(Permission.SURVEYS_EDIT);
        UUID tenantId = tenant.tenantId();
        if (key == null || key.isBlank()) {
            jdbc.sql("DELETE FROM fb_segment_question WHERE tenant_id = :t").param("t", tenantId).update();
            return;
        }
        BankEntry entry = bank.entry(tenantId, key.strip())
                .orElseThrow(() -> ValidationProblem.of("segment", "feedback.segment.error.unknown"));
        if (entry.type() != QuestionType.SINGLE_CHOICE) {
            throw ValidationProblem.of("segment", "feedback.segment.error.type");
        }
        int updated = jdbc.sql("UPDATE fb_segment_question SET question_key = :k WHERE tenant_id = :t")
                .param("k", entry.key()).param("t", tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO fb_segment_question (tenant_id, question_key) VALUES (:t, :k)").param("t", tenantId)
                    .param("k", entry.key()).update();
        }
    }
}
