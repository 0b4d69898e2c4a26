package com.chosencrm.user.signing;

import com.chosencrm.common.security.PlatformSecurityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RS256 keys that sign access tokens. Generated on first start, stored encrypted, shared by
 * every instance through the database. After a rotation the old key stays published until every
 * token it signed has expired. Also the local key source this service verifies tokens with.
 */
@Service
public class SigningKeys implements JWKSource<SecurityContext> {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  // Serialises key creation and rotation across instances.
  private static final long ADVISORY_LOCK = 0x5349474e4b4559L;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KeyEncryption encryption;
  private final SigningProperties properties;
  private final Duration publishWindow;
  private volatile Snapshot snapshot;

  SigningKeys(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      SigningProperties properties,
      PlatformSecurityProperties security) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.encryption = new KeyEncryption(properties.encryptionKey());
    this.properties = properties;
    this.publishWindow = properties.accessTokenTtl().plus(security.clockSkew());
  }

  private record Snapshot(RSAKey active, List<JWK> published, Instant loadedAt) {}

  private record StoredKey(String kid, String publicJwk, byte[] privateKey, Instant retiredAt) {}

  @EventListener(ApplicationStartedEvent.class)
  void ensureKeyOnStart() {
    activeKey();
  }

  /** The private key to sign with now. */
  public RSAKey activeKey() {
    Snapshot current = snapshot();
    if (current.active() == null) {
      transactions.executeWithoutResult(
          status -> {
            lock();
            if (jdbc.sql("select count(*) from signing_key where retired_at is null")
                    .query(Long.class)
                    .single()
                == 0) {
              insert(generate());
            }
          });
      current = reload();
    }
    return current.active();
  }

  /** Retires the active key and starts signing with a new one. Returns the new key id. */
  public String rotate() {
    String kid =
        transactions.execute(
            status -> {
              lock();
              jdbc.sql("update signing_key set retired_at = :now where retired_at is null")
                  .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                  .update();
              RSAKey key = generate();
              insert(key);
              return key.getKeyID();
            });
    reload();
    log.info("Signing key rotated; new kid {}", kid);
    return kid;
  }

  /** The public keys a verifier may meet: the active one and those retired too recently to drop. */
  public JWKSet publishedKeys() {
    return new JWKSet(snapshot().published());
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    List<JWK> found = selector.select(new JWKSet(snapshot().published()));
    if (found.isEmpty() && snapshot.loadedAt().isBefore(Instant.now().minusSeconds(1))) {
      // Another instance may have rotated since we last looked.
      found = selector.select(new JWKSet(reload().published()));
    }
    return found;
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null
        || current.loadedAt().plus(properties.keyCacheTtl()).isBefore(Instant.now())) {
      current = reload();
    }
    return current;
  }

  private synchronized Snapshot reload() {
    Instant publishedSince = Instant.now().minus(publishWindow);
    List<StoredKey> rows =
        jdbc.sql(
                """
                select kid, public_jwk, private_key_encrypted, retired_at from signing_key
                where retired_at is null or retired_at > :since
                order by created_at desc
                """)
            .param("since", OffsetDateTime.ofInstant(publishedSince, ZoneOffset.UTC))
            .query(
                (rs, i) ->
                    new StoredKey(
                        rs.getString("kid"),
                        rs.getString("public_jwk"),
                        rs.getBytes("private_key_encrypted"),
                        rs.getObject("retired_at", OffsetDateTime.class) == null
                            ? null
                            : rs.getObject("retired_at", OffsetDateTime.class).toInstant()))
            .list();
    RSAKey active = null;
    List<JWK> published = new ArrayList<>();
    for (StoredKey row : rows) {
      RSAKey publicKey = parse(row.publicJwk());
      published.add(publicKey);
      if (row.retiredAt() == null) {
        active = withPrivateKey(publicKey, row.privateKey());
      }
    }
    Snapshot loaded = new Snapshot(active, List.copyOf(published), Instant.now());
    snapshot = loaded;
    return loaded;
  }

  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(:lock)")
        .param("lock", ADVISORY_LOCK)
        .query()
        .singleRow();
  }

  private void insert(RSAKey key) {
    try {
      byte[] pkcs8 = key.toRSAPrivateKey().getEncoded();
      jdbc.sql(
              """
              insert into signing_key (kid, public_jwk, private_key_encrypted, created_at)
              values (:kid, :jwk, :secret, :now)
              """)
          .param("kid", key.getKeyID())
          .param("jwk", key.toPublicJWK().toJSONString())
          .param("secret", encryption.encrypt(pkcs8, aad(key.getKeyID())))
          .param("now", OffsetDateTime.now(ZoneOffset.UTC))
          .update();
      log.info("Generated signing key {}", key.getKeyID());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private RSAKey withPrivateKey(RSAKey publicKey, byte[] encrypted) {
    try {
      byte[] pkcs8 = encryption.decrypt(encrypted, aad(publicKey.getKeyID()));
      RSAPrivateKey privateKey =
          (RSAPrivateKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Stored signing key is unreadable", e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("Stored public key is unreadable", e);
    }
  }

  // Binds each ciphertext to its key id, so rows cannot be swapped.
  private static byte[] aad(String kid) {
    return kid.getBytes(StandardCharsets.UTF_8);
  }
}
