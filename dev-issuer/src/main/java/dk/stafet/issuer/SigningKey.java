package dk.stafet.issuer;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The issuer's RSA key pair. Kept in a PKCS#8 PEM file so that a restarted issuer signs with the
 * key the running services already fetched; made on first start.
 */
public record SigningKey(PrivateKey privateKey, RSAPublicKey publicKey, String keyId) {

  /** The key in {@code file}, made and written there first if the file does not exist. */
  public static SigningKey loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        KeyPair pair = KeyUtils.generateKeyPair(2048);
        String pem =
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(file, pem);
      }
      return of(KeyUtils.decodePrivateKey(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the signing key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an RSA private key in PKCS#8 PEM: " + file, e);
    }
  }

  /**
   * A key pair from its private half; the key id is a digest of the public key, so it changes with
   * the key.
   */
  public static SigningKey of(PrivateKey privateKey) throws GeneralSecurityException {
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
    RSAPublicKey publicKey =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
    return new SigningKey(
        privateKey, publicKey, "stafet-dev-" + HexFormat.of().formatHex(digest, 0, 8));
  }

  /** The public key as a JSON Web Key Set (what {@code mp.jwt.verify.publickey.location} reads). */
  public String jwks() {
    RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
    jwk.setKeyId(keyId);
    jwk.setAlgorithm("RS256");
    jwk.setUse("sig");
    return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }
}
