/**
 * Detection and redaction of secrets (client secrets, subscription keys, tokens, credentials,
 * passwords, private keys) before anything is stored, logged or echoed; source-code detection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets",
		allowedDependencies = {})
package com.triagedesk.secrets;
