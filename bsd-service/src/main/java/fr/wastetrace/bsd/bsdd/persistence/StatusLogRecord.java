package fr.wastetrace.bsd.bsdd.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.model.FormStatus;

import java.time.Instant;

/** One status change of a BSDD. */
public record StatusLogRecord(String id, String formId, String readableId, FormStatus status, Instant loggedAt,
                              JsonNode updatedFields, String userSubject, String userEmail) {
}
