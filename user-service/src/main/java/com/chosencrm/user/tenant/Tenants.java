package com.chosencrm.user.tenant;

import com.chosencrm.common.problem.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant records: created at sign-up, renamed in settings, suspended by operators. */
@Service
public class Tenants {

  private final TenantRepository tenants;

  Tenants(TenantRepository tenants) {
    this.tenants = tenants;
  }

  @Transactional
  public TenantView create(String name) {
    return tenants.save(new Tenant(name, Tenant.Kind.CUSTOMER)).view();
  }

  /** The tenant that holds platform operators, created on first use. */
  @Transactional
  public TenantView platformTenant() {
    return tenants
        .findFirstByKind(Tenant.Kind.PLATFORM)
        .orElseGet(() -> tenants.save(new Tenant("ChosenCRM platform", Tenant.Kind.PLATFORM)))
        .view();
  }

  @Transactional(readOnly = true)
  public Optional<TenantView> find(UUID id) {
    return tenants.findById(id).map(Tenant::view);
  }

  @Transactional(readOnly = true)
  public TenantView get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("Tenant", id));
  }

  @Transactional
  public TenantView rename(UUID id, String name) {
    Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("Tenant", id));
    tenant.rename(name);
    return tenant.view();
  }

  /** Customer tenants only; the platform tenant is not a customer and never appears. */
  @Transactional(readOnly = true)
  public List<TenantView> listCustomers() {
    return tenants.findAll().stream()
        .filter(t -> t.kind() == Tenant.Kind.CUSTOMER)
        .sorted(java.util.Comparator.comparing(Tenant::createdAt))
        .map(Tenant::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<UUID> suspendedIds() {
    return tenants.findByStatus(TenantStatus.SUSPENDED).stream().map(Tenant::id).toList();
  }

  /** Suspends a customer tenant; the caller also revokes its tokens. */
  @Transactional
  public TenantView suspend(UUID id) {
    Tenant tenant = customer(id);
    tenant.suspend();
    return tenant.view();
  }

  @Transactional
  public TenantView reactivate(UUID id) {
    Tenant tenant = customer(id);
    tenant.reactivate();
    return tenant.view();
  }

  private Tenant customer(UUID id) {
    return tenants
        .findById(id)
        .filter(t -> t.kind() == Tenant.Kind.CUSTOMER)
        .orElseThrow(() -> new NotFoundException("Tenant", id));
  }
}
