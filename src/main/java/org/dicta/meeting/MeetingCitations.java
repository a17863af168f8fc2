package org.dicta.meeting;

import java.util.List;

/** The sources that statements made at a meeting cite, which the meeting must keep listing; told by the quotes. */
public interface MeetingCitations {

    /** Ids of the sources cited by the quotes of this meeting. */
    List<String> sourcesCitedAt(String meetingId);
}
