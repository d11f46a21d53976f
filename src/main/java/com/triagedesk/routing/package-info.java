/**
 * Routing of requests that are not for developer support: the destination catalogue (configuration),
 * the classifier and the merchant directory. Not built yet; until then every request is an issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing",
		allowedDependencies = "checklist")
package com.triagedesk.routing;
