package com.chosencrm.user.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Keyed by tenant id, so every lookup is tenant-scoped by construction. */
interface TenantSettingsRepository extends JpaRepository<TenantSettings, UUID> {}
