package fr.wastetrace.registry.export;

import fr.wastetrace.graphql.FileDownload;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.registry.graphql.WasteRegistryWhere;
import fr.wastetrace.registry.query.RegisterFilter;
import fr.wastetrace.registry.query.RegisterRepository;
import fr.wastetrace.registry.query.SqlCondition;
import fr.wastetrace.registry.register.Columns;
import fr.wastetrace.registry.register.LineColumns;
import fr.wastetrace.registry.register.RegisterType;
import fr.wastetrace.subgraph.ApiException;
import fr.wastetrace.subgraph.DownloadTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Register files: a link (a download token) when some line matches, then the file written straight to the response
 * from keyset pages of {@code wastetrace.registry.download.page-size} lines, so that memory does not grow with the
 * register's size.
 */
@ApplicationScoped
public class RegisterExports {
    /** Reads the next page of each running export; one task per export at a time, so it grows with them only. */
    private final ExecutorService prefetch = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "register-export-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    RegisterRepository repository;
    @Inject
    DownloadTokens tokens;
    @Inject
    RegistryConfig config;

    /** A download link for the register, or the contract's error when no line matches. */
    public FileDownload link(RegisterType register, List<String> orgIds, WasteRegistryWhere where, ExportFormat format) {
        if (repository.count(register, orgIds, RegisterFilter.toSql(where)) == 0) {
            throw new ApiException.BadUserInput("Aucune donnée à exporter sur la période sélectionnée");
        }
        String token = tokens.issue(new ExportRequest(register, orgIds, where, format, LocalDate.now(ExportRequest.FRANCE)));
        return new FileDownload(token, tokens.link(token));
    }

    /** Writes the whole file; returns the number of lines written. */
    public long write(ExportRequest request, OutputStream out) throws IOException {
        List<String> fields = Columns.of(request.register());
        Set<String> dateFields = dateFields(request.register());
        SqlCondition condition = RegisterFilter.toSql(request.where());
        int pageSize = config.download().pageSize();
        long written = 0;
        try (LineWriter writer = request.format() == ExportFormat.CSV
                ? new CsvLineWriter(out, fields, Columns.LABELS, dateFields)
                : new XlsxLineWriter(out, fields, Columns.LABELS, dateFields)) {
            // The next page is read while this one is written: the database's time and the formatting overlap
            // (two pages in memory at most).
            CompletableFuture<List<RegisterRepository.Row>> next = fetch(request, condition, null, pageSize);
            while (next != null) {
                List<RegisterRepository.Row> rows = await(next);
                next = null;
                if (rows.size() == pageSize) {
                    RegisterRepository.Row last = rows.get(rows.size() - 1);
                    next = fetch(request, condition, new RegisterRepository.Position(last.sortAt(), last.documentId()), pageSize);
                }
                try {
                    for (RegisterRepository.Row row : rows) {
                        writer.line(row.values());
                        written++;
                    }
                } catch (IOException | RuntimeException e) {
                    if (next != null) {
                        next.cancel(false);
                    }
                    throw e;
                }
            }
            writer.finish();
        }
        return written;
    }

    private CompletableFuture<List<RegisterRepository.Row>> fetch(ExportRequest request, SqlCondition condition,
                                                                  RegisterRepository.Position from, int pageSize) {
        return CompletableFuture.supplyAsync(() -> repository.page(request.register(), request.orgIds(), condition, from, false,
                pageSize, LineColumns.of(request.register())), prefetch);
    }

    private static List<RegisterRepository.Row> await(CompletableFuture<List<RegisterRepository.Row>> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading register lines");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stopPrefetch() {
        prefetch.shutdownNow();
    }

    /** Date columns: the DateTime fields of the register's type, and the transporters' signature dates. */
    private static Set<String> dateFields(RegisterType register) {
        Set<String> dates = new HashSet<>();
        for (Field field : Columns.nodeType(register).getFields()) {
            if (field.getType() == Instant.class || field.getName().endsWith("HandedOverSignatureDate")) {
                dates.add(field.getName());
            }
        }
        return dates;
    }
}
