package com.chosencrm.user.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chosencrm.common.security.PlatformSecurityProperties;
import com.chosencrm.testsupport.tokens.TestTokens;
import com.chosencrm.testsupport.web.EndpointSecurity;
import com.chosencrm.user.Fixtures;
import com.chosencrm.user.Fixtures.Member;
import com.chosencrm.user.Fixtures.World;
import com.chosencrm.user.UserServiceTest;
import com.chosencrm.user.tenant.Tenants;
import com.chosencrm.user.user.Role;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@UserServiceTest
class SigningKeyRotationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Tenants tenants;
  @Autowired SigningKeys keys;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired SigningProperties signingProperties;
  @Autowired PlatformSecurityProperties securityProperties;

  Member operator;

  @BeforeEach
  void setUp() {
    operator =
        fixtures.member(
            tenants.platformTenant().id(), Set.of(Role.PLATFORM_ADMIN), null, "operator");
  }

  private List<String> publishedKeyIds() throws Exception {
    String body =
        mvc.perform(get("/.well-known/jwks.json"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JWKSet published = JWKSet.parse(body);
    assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    return published.getKeys().stream().map(JWK::getKeyID).toList();
  }

  private String rotateAsOperator() throws Exception {
    String body =
        mvc.perform(
                post("/api/platform/signing-keys/rotate")
                    .header(HttpHeaders.AUTHORIZATION, operator.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.activeKeyId");
  }

  private static String kidOf(String token) throws Exception {
    return JWSObject.parse(token).getHeader().getKeyID();
  }

  @Test
  void whenKeyIsRotated_thenEarlierTokensStillVerifyAndTheJwksListsBothKeys() throws Exception {
    World world = fixtures.newTenant();
    String before = world.admin().token();
    String oldKid = kidOf(before);

    String newKid = rotateAsOperator();

    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(publishedKeyIds()).contains(oldKid, newKid);
    mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + before))
        .andExpect(status().isOk());
    String after = fixtures.tokenFor(world.admin().account());
    assertThat(kidOf(after)).isEqualTo(newKid);
    mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + after))
        .andExpect(status().isOk());
  }

  @Test
  void whenAnotherInstanceSharesTheDatabase_thenBothUseAndTrustTheSameKeys() throws Exception {
    SigningKeys otherInstance =
        new SigningKeys(jdbc, transactions, signingProperties, securityProperties);
    assertThat(otherInstance.activeKey().getKeyID()).isEqualTo(keys.activeKey().getKeyID());
    assertThat(otherInstance.publishedKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactlyInAnyOrderElementsOf(
            keys.publishedKeys().getKeys().stream().map(JWK::getKeyID).toList());

    // The other instance rotates; this one has not looked at the table since.
    String rotatedElsewhere = otherInstance.rotate();
    World world = fixtures.newTenant();
    String token =
        TestTokens.user(world.admin().id(), world.tenantId())
            .roles("ADMIN")
            .signWith(otherInstance.activeKey());

    // An unknown kid makes this instance re-read the table instead of refusing the token, at
    // most once a second; wait out that throttle so the re-read is sure to happen.
    Thread.sleep(1_100);
    mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(publishedKeyIds()).contains(rotatedElsewhere);
  }

  @Test
  void whenKeysAreStored_thenPrivateKeysAreEncrypted() throws Exception {
    byte[] pkcs8 = keys.activeKey().toRSAPrivateKey().getEncoded();
    byte[] stored =
        jdbc.sql("select private_key_encrypted from signing_key where kid = :kid")
            .param("kid", keys.activeKey().getKeyID())
            .query(byte[].class)
            .single();

    assertThat(stored).isNotEmpty();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(
            new String(pkcs8, java.nio.charset.StandardCharsets.ISO_8859_1).substring(0, 64));
  }

  @Test
  void whenCallerIsNotAPlatformOperator_thenRotationIsForbidden() {
    World world = fixtures.newTenant();
    String kidBefore = keys.activeKey().getKeyID();

    EndpointSecurity.of(mvc, () -> post("/api/platform/signing-keys/rotate"))
        .rejectsMissingToken()
        .forbids(world.admin().token())
        .forbids(fixtures.agent(world).token());

    assertThat(keys.activeKey().getKeyID()).isEqualTo(kidBefore);
  }
}
