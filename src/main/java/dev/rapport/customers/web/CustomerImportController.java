package dev.rapport.customers.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.CustomerAttributes;
import dev.rapport.customers.imports.CustomerImport;
import dev.rapport.customers.imports.CustomerImporter;
import dev.rapport.customers.imports.ImportField;
import dev.rapport.customers.imports.ImportMapping;
import dev.rapport.customers.imports.ImportNotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Importing customers from CSV: upload, map the columns, watch the progress, read or download the report. */
@Controller
class CustomerImportController {

    private static final int SAMPLE_ROWS = 3;
    private static final int REJECTIONS_SHOWN = 100;

    private final CustomerImporter importer;
    private final CustomerAttributes attributes;

    CustomerImportController(CustomerImporter importer, CustomerAttributes attributes) {
        this.importer = importer;
        this.attributes = attributes;
    }

    @GetMapping("/customers/import")
    String start(@AuthenticationPrincipal SignedInAgent me, Model model) {
        requireLead(me);
        model.addAttribute("imports", importer.recent());
        return "customers/import";
    }

    @PostMapping("/customers/import")
    String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInAgent me,
                  Model model) throws IOException {
        requireLead(me);
        try {
            if (file == null || file.isEmpty()) {
                throw new IllegalArgumentException("Choose a CSV file to import.");
            }
            CustomerImport upload = importer.upload(file.getOriginalFilename(), file.getBytes(), me);
            return "redirect:/customers/import/" + upload.id();
        } catch (IllegalArgumentException e) {
            model.addAttribute("fileProblem", e.getMessage());
            model.addAttribute("imports", importer.recent());
            return "customers/import";
        }
    }

    @GetMapping("/customers/import/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        requireLead(me);
        return page(importer.require(id), model, null);
    }

    @PostMapping("/customers/import/{id}/encoding")
    String encoding(@PathVariable UUID id, @RequestParam(defaultValue = "") String encoding,
                    @AuthenticationPrincipal SignedInAgent me, Model model) {
        requireLead(me);
        try {
            importer.reread(id, encoding);
            return "redirect:/customers/import/" + id;
        } catch (IllegalArgumentException e) {
            return page(importer.require(id), model, e.getMessage());
        }
    }

    @PostMapping("/customers/import/{id}/start")
    String begin(@PathVariable UUID id, @RequestParam Map<String, String> form,
                 @AuthenticationPrincipal SignedInAgent me, Model model) {
        CustomerImport upload = importer.require(id);
        List<String> targets = new ArrayList<>();
        for (int column = 0; column < upload.headings().size(); column++) {
            targets.add(form.getOrDefault("column" + column, ImportField.IGNORE.name()));
        }
        ImportMapping mapping = new ImportMapping(targets);
        try {
            importer.start(id, mapping, me);
            return "redirect:/customers/import/" + id;
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("chosen", targets);
            return page(upload, model, e.getMessage());
        }
    }

    /** The progress bar, polled while the import runs; once it is done the page reloads to show the report. */
    @GetMapping(value = "/customers/import/{id}/progress", headers = "HX-Request")
    String progress(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model,
                    HttpServletResponse response) {
        requireLead(me);
        CustomerImport upload = importer.require(id);
        if (upload.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("upload", upload);
        return "customers/import-detail :: progress";
    }

    @GetMapping("/customers/import/{id}/report.csv")
    void report(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, HttpServletResponse response)
            throws IOException {
        requireLead(me);
        CustomerImport upload = importer.require(id);
        String name = upload.fileName().replaceAll("(?i)\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-rejected-rows.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        importer.report(id, out);
        out.flush();
    }

    @ExceptionHandler(ImportNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String page(CustomerImport upload, Model model, String problem) {
        model.addAttribute("upload", upload);
        model.addAttribute("problem", problem);
        if (upload.mapping()) {
            model.addAttribute("sample", importer.sample(upload.id(), SAMPLE_ROWS));
            model.addAttribute("fields", ImportField.values());
            model.addAttribute("attributes", attributes.current());
            if (!model.containsAttribute("chosen")) {
                model.addAttribute("chosen", upload.columnMapping().targets());
            }
        } else {
            model.addAttribute("rejections", importer.rejections(upload.id(), REJECTIONS_SHOWN));
        }
        return "customers/import-detail";
    }

    private static void requireLead(SignedInAgent me) {
        if (me.role() != Role.ADMIN && me.role() != Role.LEAD) {
            throw new AccessDeniedException("Only admins and team leads import customers.");
        }
    }
}
