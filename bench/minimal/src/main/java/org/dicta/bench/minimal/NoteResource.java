package org.dicta.bench.minimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/notes/{id}")
public class NoteResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Note get(@PathParam("id") String id) {
        Note note = Note.findById(id);
        if (note == null) {
            throw new NotFoundException();
        }
        return note;
    }
}
