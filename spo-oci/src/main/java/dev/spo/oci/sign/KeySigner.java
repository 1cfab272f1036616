package dev.spo.oci.sign;

import dev.spo.oci.OciRepository;
import dev.spo.oci.sign.internal.Keys;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs digests with an ECDSA P-256 key (cosign {@code sign --key}, without transparency-log
 * upload) and publishes the signature as a legacy {@code .sig} layer and/or a bundle referrer
 * whose verification material is the key's hint. Verify with {@link CosignVerifier.Builder#publicKey}.
 */
public final class KeySigner implements ArtifactSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private KeySigner(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * A signer from a key pair (see {@link SigningKeyPair#generate()}).
   *
   * @throws SignatureException when the keys are unusable or do not belong together
   */
  public static KeySigner of(SigningKeyPair pair) {
    Objects.requireNonNull(pair, "pair");
    PrivateKey priv;
    try {
      priv = Keys.parseEcPrivateKey(pair.privateKeyPem());
    } catch (IllegalArgumentException e) {
      throw new SignatureException("unusable private key: " + e.getMessage(), e);
    }
    PublicKey pub = PublicKeys.fromPem(pair.publicKeyPem());
    if (!Keys.isP256(pub)) {
      throw new SignatureException("the signing key must be ECDSA P-256");
    }
    // Catch a mismatched pair now rather than publishing signatures nobody can verify.
    byte[] probe = "spo-java key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (!Keys.verify(pub, probe, Keys.signEc(priv, probe))) {
      throw new SignatureException("the private and public keys do not belong together");
    }
    return new KeySigner(priv, pub);
  }

  /** The public key that verifies this signer's signatures. */
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public SignedArtifact sign(OciRepository repository, String digest, SigningOptions options) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(options, "options");
    return SignatureWriter.publish(repository, digest, options, new Backend());
  }

  @Override
  public String toString() {
    return "KeySigner[" + Keys.fingerprint(publicKey) + "]";
  }

  private final class Backend implements SignatureWriter.Backend {
    @Override
    public String signer() {
      return Keys.fingerprint(publicKey);
    }

    @Override
    public byte[] sign(byte[] data) {
      return Keys.signEc(privateKey, data);
    }

    @Override
    public Map<String, String> legacyAnnotations(byte[] payload, byte[] signature) {
      return Map.of();
    }

    @Override
    public Map<String, Object> bundleMaterial(byte[] statement, byte[] signature) {
      Map<String, Object> hint = new LinkedHashMap<>();
      hint.put("hint", HexFormat.of().formatHex(Keys.sha256(publicKey.getEncoded())));
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("publicKey", hint);
      vm.put("tlogEntries", List.of());
      return vm;
    }
  }
}
