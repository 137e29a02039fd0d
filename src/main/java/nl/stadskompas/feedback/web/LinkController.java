// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import nl.stadskompas.feedback.Questionnaire;
import nl.stadskompas.feedback.QuestionnaireEditing;
import nl.stadskompas.feedback.ResponseCollection;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.platform.TenantContext;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public link of a questionnaire with optional hidden context (service, channel, municipality,
 * location, language), and its QR code to download as PNG or SVG. The builder is a plain GET form.
 */
@Controller
@RequestMapping("/feedback/{id}")
@PreAuthorize("hasAuthority('PERM_SURVEYS_EDIT')")
class LinkController {

    private final QuestionnaireEditing editing;
    private final ResponseCollection collection;
    private final AuthoringSupport support;

    LinkController(QuestionnaireEditing editing, ResponseCollection collection, AuthoringSupport support) {
        this.editing = editing;
        this.collection = collection;
        this.support = support;
    }

    /** The values of the link builder, as chosen. */
    record LinkForm(String service, String channel, String municipality, String location, String lang) {
    }

    @GetMapping("/link")
    String link(TenantContext tenant, @PathVariable UUID id, LinkForm form, Model model, HttpServletRequest request) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        String query = query(q, form);
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("link", ResponsePageController.baseUrl(request) + ResponsePageController.PATH + q.publicId() + query);
        model.addAttribute("query", query);
        model.addAttribute("services", support.services(tenant.tenantId(), true));
        model.addAttribute("channels", support.channels());
        model.addAttribute("municipalities", support.municipalities(tenant.tenantId()));
        return "feedback/link";
    }

    @GetMapping("/qr.png")
    ResponseEntity<byte[]> png(TenantContext tenant, @PathVariable UUID id, LinkForm form,
            @RequestParam(defaultValue = "600") int size, HttpServletRequest request) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        int pixels = Math.clamp(size, 120, 2000);
        return file(QrCodes.png(url(q, form, request), pixels), MediaType.IMAGE_PNG, q, "png");
    }

    @GetMapping("/qr.svg")
    ResponseEntity<byte[]> svg(TenantContext tenant, @PathVariable UUID id, LinkForm form, HttpServletRequest request) {
        Questionnaire q = editing.questionnaire(tenant.tenantId(), id);
        String svg = QrCodes.svg(url(q, form, request), support.text("feedback.link.qrTitle", q.name()));
        return file(svg.getBytes(StandardCharsets.UTF_8), MediaType.valueOf("image/svg+xml"), q, "svg");
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, Questionnaire q, String extension) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("vragenlijst-" + q.publicId() + "." + extension).build().toString())
                .contentType(type).body(content);
    }

    private String url(Questionnaire q, LinkForm form, HttpServletRequest request) {
        return ResponsePageController.baseUrl(request) + ResponsePageController.PATH + q.publicId() + query(q, form);
    }

    /** The query part with only the context that exists in the organisation. */
    private String query(Questionnaire q, LinkForm form) {
        ResponseContext context = collection.context(q, form.service(), form.channel(), form.municipality(),
                form.location());
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (context.serviceId() != null && !context.serviceId().equals(q.serviceId())) {
            b.queryParam("service", context.serviceId());
        }
        if (context.channel() != null) {
            b.queryParam("channel", context.channel());
        }
        if (context.municipalityId() != null) {
            b.queryParam("municipality", context.municipalityId());
        }
        if (context.location() != null) {
            b.queryParam("location", context.location());
        }
        if ("en".equals(form.lang())) {
            b.queryParam("lang", "en");
        }
        return b.encode().build().toUriString();
    }
}
