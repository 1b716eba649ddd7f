package fr.wastetrace.company.users;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SignupInput")
public class SignupInput {
    @NonNull
    public String email;
    @NonNull
    public String password;
    @NonNull
    public String name;
    public String phone;
}
