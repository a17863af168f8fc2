package org.dicta.web;

/** A resource named in the request path does not exist; answered with 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String kind, String id) {
        super("There is no " + kind + " with id '" + id + "'.");
    }

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
