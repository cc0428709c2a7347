import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { encodeCBOR } from "@levischuck/tiny-cbor";

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

/** Authenticator data flags: user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

/**
 * A passkey authenticator in software (ES256, "none" attestation), for API tests that cannot use a
 * browser: it answers the registration and authentication options the server sends as a browser
 * with a platform authenticator would.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  readonly #keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  #signCount = 0;
  #userHandle = "";

  constructor(readonly origin = "http://127.0.0.1:9000") {}

  /** The `response` a browser would post after `navigator.credentials.create()` with these options. */
  register(options: any) {
    this.#userHandle = options.user.id;
    const clientData = this.#clientData("webauthn.create", options.challenge);
    const authData = Buffer.concat([
      sha256(options.rp.id),
      Buffer.from([UP | UV | AT]),
      this.#counter(),
      Buffer.alloc(16), // AAGUID: none
      Buffer.from([0, this.credentialId.length]),
      this.credentialId,
      coseKey(this.#keys.publicKey),
    ]);
    const attestationObject = encodeCBOR(new Map<string, any>([["fmt", "none"], ["attStmt", new Map()], ["authData", new Uint8Array(authData)]]));
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: "public-key",
      response: { clientDataJSON: b64url(clientData), attestationObject: b64url(attestationObject), transports: ["internal"] },
      clientExtensionResults: {},
    };
  }

  /** The `webauthn` a browser would post after `navigator.credentials.get()` with these options. */
  authenticate(options: any, rpId = new URL(this.origin).hostname) {
    const clientData = this.#clientData("webauthn.get", options.challenge);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV]), this.#counter()]);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), this.#keys.privateKey);
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: this.#userHandle,
      },
      clientExtensionResults: {},
    };
  }

  #clientData(type: string, challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  #counter() {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(++this.#signCount);
    return counter;
  }
}

/** The public key as a COSE_Key: EC2 (1: 2), ES256 (3: -7), P-256 (-1: 1), and its coordinates. */
function coseKey(publicKey: KeyObject): Buffer {
  const { x, y } = publicKey.export({ format: "jwk" });
  const key = new Map<number, any>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(x!, "base64url"))],
    [-3, new Uint8Array(Buffer.from(y!, "base64url"))],
  ]);
  return Buffer.from(encodeCBOR(key));
}
