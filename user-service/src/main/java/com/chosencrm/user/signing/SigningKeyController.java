package com.chosencrm.user.signing;

import com.chosencrm.common.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a platform operator retire the signing key, e.g. after a suspected leak or on schedule. */
@RestController
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class SigningKeyController {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyController.class);

  private final SigningKeys keys;

  SigningKeyController(SigningKeys keys) {
    this.keys = keys;
  }

  record RotatedKey(String activeKeyId) {}

  /** Tokens signed with the old key stay valid until they expire; the JWKS keeps publishing it. */
  @PostMapping("/api/platform/signing-keys/rotate")
  RotatedKey rotate(CurrentUser operator) {
    String kid = keys.rotate();
    log.info("Platform operator {} rotated the signing key", operator.userId());
    return new RotatedKey(kid);
  }
}
