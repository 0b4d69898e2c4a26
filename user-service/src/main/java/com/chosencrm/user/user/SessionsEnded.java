package com.chosencrm.user.user;

import java.util.UUID;

/**
 * Published in-process, inside the transaction, when every session of a user must end (password
 * changed, deactivated, deleted): the auth feature revokes their refresh tokens, so nobody can mint
 * new access tokens from an old session.
 */
public record SessionsEnded(UUID userId, String reason) {}
