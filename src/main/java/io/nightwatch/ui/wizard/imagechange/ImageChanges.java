package io.nightwatch.ui.wizard.imagechange;

import java.util.List;
import java.util.Map;

/**
 * What the image-change wizard asks the core, off the FX thread: a service's current image, the images it could go
 * to, and the plan of a change in words (image, configuration diff, compose line).
 */
public interface ImageChanges {

    /** An image the operator may go to, and why it is offered ("ran before the last change"). */
    record ImageChoice(String image, String why) {
        @Override
        public String toString() { return image; }
    }

    String currentImage(String service) throws Exception;

    List<ImageChoice> targets(String service) throws Exception;

    List<String> planLines(Map<String, String> params) throws Exception;
}
