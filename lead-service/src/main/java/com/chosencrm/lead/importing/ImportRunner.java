package com.chosencrm.lead.importing;

import com.chosencrm.common.web.RequestIds;
import com.chosencrm.lead.agent.AgentDirectory;
import com.chosencrm.lead.agent.AgentView;
import com.chosencrm.lead.customfield.CustomFieldRules;
import com.chosencrm.lead.importing.spreadsheet.RowReader;
import com.chosencrm.lead.importing.spreadsheet.SheetRow;
import com.chosencrm.lead.importing.spreadsheet.Spreadsheet;
import com.chosencrm.lead.importing.spreadsheet.UnreadableFileException;
import com.chosencrm.lead.lead.LeadImportWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued imports in the background, {@code chosencrm.import.concurrency} at a time per
 * instance. Any number of instances may run: a job is claimed with {@code FOR UPDATE SKIP LOCKED},
 * only by an instance that can see its file, and every batch commits only while the job is still
 * this instance's.
 *
 * <p>A job interrupted by a restart or a crash is <b>resumed</b>: once its instance has not
 * reported for {@code stale-after}, an instance that can read its file takes it over and goes on
 * after the last committed batch (each batch commits its rows, their report lines and the job's
 * checkpoint together, so nothing is written twice). If no instance can read the file for {@code
 * orphan-after} (it was on a disk that is gone), the job is marked FAILED; what it wrote stays.
 *
 * <p>Reading and writing overlap: one thread parses the file and checks rows while the job's thread
 * writes the previous batch, with at most two batches in between, so memory stays bounded.
 */
@Component
class ImportRunner implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportJobs jobs;
  private final ImportStorage storage;
  private final ImportEvents events;
  private final LeadImportWriter writer;
  private final AgentDirectory agents;
  private final ImportProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String owner;
  private final Semaphore slots;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean polling = new AtomicBoolean();

  /** The jobs this instance is running now: kept alive by the sweep, never claimed again. */
  private final Set<UUID> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private volatile boolean stopping;

  ImportRunner(
      ImportJobs jobs,
      ImportStorage storage,
      ImportEvents events,
      LeadImportWriter writer,
      AgentDirectory agents,
      ImportProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jobs = jobs;
    this.storage = storage;
    this.events = events;
    this.writer = writer;
    this.agents = agents;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.owner = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.slots = new Semaphore(properties.concurrency());
  }

  /** Looks for work now rather than at the next poll (a job was just queued). */
  void wakeUp() {
    if (!stopping) {
      threads.execute(this::poll);
    }
  }

  @Scheduled(
      fixedDelayString = "${chosencrm.import.poll-interval:1s}",
      initialDelayString = "${chosencrm.import.poll-interval:1s}")
  void poll() {
    if (stopping || !polling.compareAndSet(false, true)) {
      return;
    }
    try {
      sweep();
      while (!stopping && slots.tryAcquire()) {
        Instant staleBefore = clock.instant().minus(properties.staleAfter());
        ImportJob job =
            jobs.claim(
                    owner,
                    staleBefore,
                    j -> !running.contains(j.id()) && storage.exists(j.storedFile()))
                .orElse(null);
        if (job == null) {
          slots.release();
          break;
        }
        running.add(job.id());
        threads.execute(
            () -> {
              try {
                run(job);
              } finally {
                running.remove(job.id());
                slots.release();
              }
            });
      }
    } catch (RuntimeException e) {
      log.warn("Looking for import jobs failed: {}", e.getMessage());
    } finally {
      polling.set(false);
    }
  }

  /** Expires uploads never started, keeps own queued jobs alive, fails orphans. */
  private void sweep() {
    Instant now = clock.instant();
    for (ImportJob job : jobs.waitingSince(now.minus(properties.mappingTtl()))) {
      if (job.storedFile() == null || storage.exists(job.storedFile())) {
        if (jobs.end(
            job.id(),
            Set.of(ImportJob.State.MAPPING),
            ImportJob.State.EXPIRED,
            "Not started within " + properties.mappingTtl().toHours() + " hours of the upload")) {
          storage.delete(job.storedFile());
        }
      }
    }
    // A batch may take longer than stale-after (a slow database, a loaded machine): the jobs this
    // instance runs are kept alive here, not only by their batches, or this very instance would
    // claim one again and write its rows twice.
    List<UUID> mine = new ArrayList<>(running);
    for (ImportJob job : jobs.silentSince(now.minus(properties.staleAfter().dividedBy(2)))) {
      if (job.state() == ImportJob.State.QUEUED && storage.exists(job.storedFile())) {
        mine.add(job.id());
      }
    }
    jobs.touch(mine, owner);
    for (ImportJob job : jobs.silentSince(now.minus(properties.orphanAfter()))) {
      if (!storage.exists(job.storedFile())) {
        jobs.end(
            job.id(),
            Set.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING),
            ImportJob.State.FAILED,
            "The server holding the uploaded file went away; upload the file again (leads"
                + " already imported stay, and undo removes them)");
      }
    }
  }

  /** One batch between the reading thread and the writing one. */
  private record Batch(
      List<LeadImportWriter.PreparedRow> rows,
      Map<Integer, SheetRow> source,
      int lastRow,
      Exception failure,
      boolean end) {}

  private enum Outcome {
    COMPLETED,
    CANCELLED,
    /** Another instance took the job over (this one was too slow to report). */
    LOST
  }

  private static final class LostJobException extends RuntimeException {
    LostJobException() {
      super("The job was taken over by another instance", null, false, false);
    }
  }

  void run(ImportJob job) {
    MDC.put(RequestIds.MDC_KEY, LeadImportWriter.requestIdOf(job.id()));
    long started = System.nanoTime();
    int[] totals = {job.rowsRead()};
    try {
      Outcome outcome = process(job, totals);
      if (outcome != Outcome.LOST) {
        finish(
            job,
            outcome == Outcome.COMPLETED ? ImportJob.State.COMPLETED : ImportJob.State.CANCELLED,
            null,
            outcome == Outcome.COMPLETED ? totals[0] : null);
      }
      log.info(
          "Import {} {} after {} ms ({} rows read)",
          job.id(),
          outcome,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          totals[0]);
    } catch (UnreadableFileException e) {
      finish(job, ImportJob.State.FAILED, e.getMessage(), null);
    } catch (Exception e) {
      log.warn("Import {} failed", job.id(), e);
      finish(
          job,
          ImportJob.State.FAILED,
          "The import stopped after row "
              + job.checkpointRow()
              + " could not be followed: "
              + describe(e)
              + ". Rows before it were imported.",
          null);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.length() > 300 ? message.substring(0, 300) : message;
  }

  private Outcome process(ImportJob job, int[] totals) throws Exception {
    Path file = storage.resolve(job.storedFile());
    CustomFieldRules rules = new CustomFieldRules(job.customFieldDefinitions());
    LeadImportWriter.Settings settings =
        new LeadImportWriter.Settings(
            job.id(),
            job.actor(),
            LeadImportWriter.DuplicatePolicy.valueOf(job.duplicatePolicy()),
            job.defaultAssigneeId(),
            job.fileName(),
            rules);
    Map<String, UUID> usersByEmail = new HashMap<>();
    for (AgentView user : agents.list(job.tenantId(), null)) {
      if (user.email() != null) {
        usersByEmail.put(user.email().toLowerCase(Locale.ROOT), user.userId());
      }
    }
    int skipUpTo = Math.max(job.headerRow(), job.checkpointRow());
    try (Spreadsheet sheet = Spreadsheet.open(file, storage.workDir());
        RowReader reader = sheet.rows()) {
      RowMapper mapper =
          new RowMapper(job.mapping(), job.headers(), usersByEmail, rules, reader.isDate1904());
      BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
      Thread producer =
          Thread.ofVirtual()
              .name("import-read-" + job.id())
              .start(() -> produce(reader, mapper, settings, skipUpTo, queue));
      try {
        while (true) {
          Batch batch = queue.take();
          if (batch.failure() != null) {
            throw batch.failure();
          }
          if (batch.end()) {
            return Outcome.COMPLETED;
          }
          try {
            write(job, settings, mapper, batch);
          } catch (LostJobException e) {
            return Outcome.LOST;
          }
          totals[0] += batch.rows().size();
          if (stopping) {
            return Outcome.LOST;
          }
          if (jobs.isCancelRequested(job.id())) {
            return Outcome.CANCELLED;
          }
        }
      } finally {
        producer.interrupt();
        producer.join(TimeUnit.SECONDS.toMillis(10));
      }
    }
  }

  private void produce(
      RowReader reader,
      RowMapper mapper,
      LeadImportWriter.Settings settings,
      int skipUpTo,
      BlockingQueue<Batch> queue) {
    try {
      List<LeadImportWriter.PreparedRow> rows = new ArrayList<>(properties.batchSize());
      Map<Integer, SheetRow> source = new HashMap<>();
      SheetRow row;
      int last = skipUpTo;
      long reading = 0;
      long mapping = 0;
      long checking = 0;
      long waiting = 0;
      long t0 = System.nanoTime();
      while ((row = reader.next()) != null) {
        long t1 = System.nanoTime();
        reading += t1 - t0;
        if (row.number() <= skipUpTo || row.isBlank()) {
          t0 = System.nanoTime();
          continue;
        }
        LeadImportWriter.Row mapped = mapper.map(row);
        long t2 = System.nanoTime();
        rows.add(writer.prepare(settings, mapped));
        long t3 = System.nanoTime();
        mapping += t2 - t1;
        checking += t3 - t2;
        source.put(row.number(), row);
        last = row.number();
        if (rows.size() == properties.batchSize()) {
          queue.put(new Batch(rows, source, last, null, false));
          waiting += System.nanoTime() - t3;
          rows = new ArrayList<>(properties.batchSize());
          source = new HashMap<>();
        }
        t0 = System.nanoTime();
      }
      log.debug(
          "Reading: parse {} ms, map {} ms, check {} ms, waiting for the writer {} ms",
          reading / 1_000_000,
          mapping / 1_000_000,
          checking / 1_000_000,
          waiting / 1_000_000);
      if (!rows.isEmpty()) {
        queue.put(new Batch(rows, source, last, null, false));
      }
      queue.put(new Batch(List.of(), Map.of(), last, null, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      try {
        queue.put(new Batch(List.of(), Map.of(), 0, e, false));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(
      ImportJob job, LeadImportWriter.Settings settings, RowMapper mapper, Batch batch) {
    transactions.executeWithoutResult(
        status -> {
          LeadImportWriter.BatchResult result = writer.write(settings, batch.rows());
          List<ImportJobs.ErrorRow> errors = new ArrayList<>();
          for (LeadImportWriter.Problem problem : result.problems()) {
            SheetRow row = batch.source().get(problem.rowNumber());
            var source = mapper.sourceOf(problem.field());
            String column = source.map(RowMapper.Source::header).orElse(problem.field());
            String value =
                source.isPresent() && row != null ? row.cell(source.get().column()).text() : null;
            errors.add(
                new ImportJobs.ErrorRow(problem.rowNumber(), column, value, problem.reason()));
          }
          errors.sort(java.util.Comparator.comparingInt(ImportJobs.ErrorRow::rowNumber));
          jobs.addErrors(job.id(), job.tenantId(), errors);
          if (!jobs.progress(job.id(), owner, batch.lastRow(), batch.rows().size(), result)) {
            status.setRollbackOnly();
            throw new LostJobException();
          }
        });
  }

  /** Ends the job, announces what it wrote, and deletes its file. */
  private void finish(ImportJob job, ImportJob.State state, String failure, Integer rowsTotal) {
    Boolean ended =
        transactions.execute(
            status -> {
              if (!jobs.finish(job.id(), owner, state, failure, rowsTotal)) {
                return false;
              }
              ImportJob done = jobs.get(job.id()).orElseThrow();
              events.imported(
                  done.tenantId(),
                  new ImportEvents.LeadsImported(
                      done.id(),
                      done.created(),
                      done.updated(),
                      done.skipped(),
                      done.failed(),
                      done.createdBy(),
                      state.name()));
              return true;
            });
    if (Boolean.TRUE.equals(ended)) {
      storage.delete(job.storedFile());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "lead-service";
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    // Running jobs stop after their current batch and are resumed by the next instance.
    stopping = true;
    threads.shutdown();
    threads.awaitTermination(20, TimeUnit.SECONDS);
  }
}
