package dev.ridgeline.app;

import picocli.CommandLine.IVersionProvider;

/** The program version from the jar manifest ("dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Ridgeline " + current()};
    }
}
