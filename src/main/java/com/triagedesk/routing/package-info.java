/**
 * Routing of requests that are not for developer support: the destination catalogue (configuration),
 * the classifier (keywords per language, a score per destination) and the merchant directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing",
		allowedDependencies = "checklist")
package com.triagedesk.routing;
