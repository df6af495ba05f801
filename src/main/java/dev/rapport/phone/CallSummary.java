package dev.rapport.phone;

/** The words a call leaves in a conversation. */
final class CallSummary {

    private CallSummary() {
    }

    static String subject(Call call, String name) {
        boolean outbound = call.direction().orElseThrow() == Call.Direction.OUTBOUND;
        if (outbound) {
            return "Call to " + name;
        }
        return switch (call.reason().orElseThrow()) {
            case MISSED, BUSY -> "Missed call from " + name;
            case VOICEMAIL -> "Voicemail from " + name;
            case COMPLETED -> "Phone call from " + name;
        };
    }

    static String of(Call call) {
        boolean outbound = call.direction().orElseThrow() == Call.Direction.OUTBOUND;
        String number = call.theirNumberRaw() == null ? "an unknown number" : call.theirNumberRaw()
                + (call.numberFlagged() ? " (not a phone number as given)" : "");
        StringBuilder text = new StringBuilder();
        Call.Reason reason = call.reason().orElseThrow();
        String duration = call.duration().filter(d -> !d.isZero()).map(CallLogbook::spoken).orElse(null);
        if (outbound) {
            text.append("Outbound call to ").append(number);
            text.append(reason == Call.Reason.COMPLETED ? ", they answered" : ", " + reason.label().toLowerCase()
                    + ": they did not answer");
        } else {
            text.append(switch (reason) {
                case COMPLETED -> "Inbound call from " + number;
                case MISSED -> "Missed call from " + number + ": nobody answered";
                case BUSY -> "Missed call from " + number + ": the line was busy";
                case VOICEMAIL -> "Voicemail from " + number;
            });
        }
        if (call.answeredByName() != null && reason == Call.Reason.COMPLETED) {
            text.append(outbound ? "; called by " : "; answered by ").append(call.answeredByName());
        }
        if (duration != null) {
            text.append("; ").append(duration);
        }
        text.append('.');
        call.recordingUrl().ifPresent(url -> text.append("\nRecording: ").append(url));
        return text.toString();
    }
}
