package com.chosencrm.lead.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded files on local disk ({@code chosencrm.import.storage-dir}) from upload until their job
 * ends, and the scratch space a job reads them with.
 */
@Component
class ImportStorage {

  private static final Logger log = LoggerFactory.getLogger(ImportStorage.class);

  private final Path root;

  ImportStorage(ImportProperties properties) {
    this.root = properties.storageDir().toAbsolutePath().normalize();
  }

  /** A new, empty place for an upload; its name is what the job row keeps. */
  Path newUpload() {
    try {
      Files.createDirectories(root);
      return root.resolve(UUID.randomUUID() + ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException("The import storage directory cannot be created", e);
    }
  }

  /** Where a job's file is; null for a name that would lead outside the directory. */
  Path resolve(String storedFile) {
    if (storedFile == null) {
      return null;
    }
    Path path = root.resolve(storedFile).normalize();
    return path.startsWith(root) ? path : null;
  }

  boolean exists(String storedFile) {
    Path path = resolve(storedFile);
    return path != null && Files.isRegularFile(path);
  }

  /** Scratch files of one read (a workbook's shared strings). */
  Path workDir() {
    return root.resolve("work");
  }

  void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the import file {}: {}", file, e.getMessage());
    }
  }

  void delete(String storedFile) {
    delete(resolve(storedFile));
  }
}
