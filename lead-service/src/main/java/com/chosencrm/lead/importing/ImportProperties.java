package com.chosencrm.lead.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Spreadsheet imports.
 *
 * @param storageDir where uploads wait for their job; a job's file is deleted when it ends. Shared
 *     by all instances (a volume) lets any instance run any job; on local disks only the instance
 *     that took the upload does
 * @param maxFileSize larger uploads answer 413 (also set {@code spring.servlet.multipart.*})
 * @param maxRows rows with content (the header included) a file may have
 * @param batchSize rows written per transaction
 * @param concurrency jobs one instance runs at once
 * @param pollInterval how often an instance looks for queued jobs (a start also wakes it)
 * @param staleAfter a running job whose instance has not reported for this long is taken over
 * @param orphanAfter a job whose file no instance can see is failed after this long
 * @param mappingTtl an upload not started within this time expires and its file is deleted
 * @param undoBatchSize leads removed per transaction by undo
 */
@Validated
@ConfigurationProperties("chosencrm.import")
public record ImportProperties(
    @NotNull Path storageDir,
    @DefaultValue("100MB") @NotNull DataSize maxFileSize,
    @DefaultValue("1000000") @Min(2) int maxRows,
    @DefaultValue("1000") @Min(1) @Max(50_000) int batchSize,
    @DefaultValue("2") @Min(1) @Max(16) int concurrency,
    @DefaultValue("1s") @NotNull Duration pollInterval,
    @DefaultValue("60s") @NotNull Duration staleAfter,
    @DefaultValue("30m") @NotNull Duration orphanAfter,
    @DefaultValue("24h") @NotNull Duration mappingTtl,
    @DefaultValue("5000") @Min(1) int undoBatchSize) {}
