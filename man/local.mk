# SPDX-License-Identifier: MIT
# Man pages: mdoc sources, installed as they are (no generation step).
#
# Every page is listed by name, because automake needs the names to install
# and distribute them; man/check-list.sh fails when the pages under man/ and
# dist_man_MANS (this file and any other local.mk) disagree, so a forgotten
# page cannot go unnoticed.
#
# Adding a function to the library means adding its page here:
#   1. copy a page of the same shape (man/man3/mediate_money_add.3 for a
#      function returning mediate_status, man/man3/mediate_policy_name.3 for a
#      getter) to man/man3/<function>.3 and rewrite it;
#   2. add man/man3/<function>.3 to MEDIATE_MAN3 below (alphabetical order);
#   3. `make check` lints it, checks its layout, compiles its EXAMPLE and
#      checks that every exported symbol has a page.

MEDIATE_MAN1 =
MEDIATE_MAN3 = \
	man/man3/libmediate.3 \
	man/man3/libmediate-errors.3 \
	man/man3/libmediate-thread.3 \
	man/man3/mediate_agreement_applied_at.3 \
	man/man3/mediate_agreement_confirmation.3 \
	man/man3/mediate_agreement_court.3 \
	man/man3/mediate_agreement_deadline.3 \
	man/man3/mediate_agreement_decided_at.3 \
	man/man3/mediate_agreement_drafted_at.3 \
	man/man3/mediate_agreement_effective_at.3 \
	man/man3/mediate_agreement_field_name.3 \
	man/man3/mediate_agreement_field_parse.3 \
	man/man3/mediate_agreement_form_name.3 \
	man/man3/mediate_agreement_form_parse.3 \
	man/man3/mediate_agreement_is_effective.3 \
	man/man3/mediate_agreement_is_enforceable.3 \
	man/man3/mediate_agreement_signature_count.3 \
	man/man3/mediate_agreement_signed_at.3 \
	man/man3/mediate_agreement_signer_at.3 \
	man/man3/mediate_agreement_text.3 \
	man/man3/mediate_allocator_set.3 \
	man/man3/mediate_case_accepted_at.3 \
	man/man3/mediate_case_add_followup.3 \
	man/man3/mediate_case_add_joint_body.3 \
	man/man3/mediate_case_add_mediator.3 \
	man/man3/mediate_case_add_note.3 \
	man/man3/mediate_case_add_party.3 \
	man/man3/mediate_case_add_session.3 \
	man/man3/mediate_case_add_tag.3 \
	man/man3/mediate_case_address.3 \
	man/man3/mediate_case_agreement.3 \
	man/man3/mediate_case_agreement_form.3 \
	man/man3/mediate_case_agreement_set_deadline.3 \
	man/man3/mediate_case_agreement_set_text.3 \
	man/man3/mediate_case_agreement_sign.3 \
	man/man3/mediate_case_amount.3 \
	man/man3/mediate_case_apply_confirmation.3 \
	man/man3/mediate_case_assign_number.3 \
	man/man3/mediate_case_category.3 \
	man/man3/mediate_case_clear_coordinates.3 \
	man/man3/mediate_case_clone.3 \
	man/man3/mediate_case_confirmation_due.3 \
	man/man3/mediate_case_coordinates.3 \
	man/man3/mediate_case_decide_confirmation.3 \
	man/man3/mediate_case_description.3 \
	man/man3/mediate_case_draft_agreement.3 \
	man/man3/mediate_case_event_actor.3 \
	man/man3/mediate_case_event_at.3 \
	man/man3/mediate_case_event_count.3 \
	man/man3/mediate_case_event_details.3 \
	man/man3/mediate_case_event_from.3 \
	man/man3/mediate_case_event_get_kind.3 \
	man/man3/mediate_case_event_kind_name.3 \
	man/man3/mediate_case_event_kind_parse.3 \
	man/man3/mediate_case_event_time.3 \
	man/man3/mediate_case_event_to.3 \
	man/man3/mediate_case_event_unit.3 \
	man/man3/mediate_case_extend.3 \
	man/man3/mediate_case_extension_at.3 \
	man/man3/mediate_case_extension_count.3 \
	man/man3/mediate_case_followup_at.3 \
	man/man3/mediate_case_followup_count.3 \
	man/man3/mediate_case_followup_due.3 \
	man/man3/mediate_case_free.3 \
	man/man3/mediate_case_from_yaml.3 \
	man/man3/mediate_case_get_mode.3 \
	man/man3/mediate_case_get_outcome.3 \
	man/man3/mediate_case_get_source.3 \
	man/man3/mediate_case_get_state.3 \
	man/man3/mediate_case_grid.3 \
	man/man3/mediate_case_id.3 \
	man/man3/mediate_case_id_text.3 \
	man/man3/mediate_case_is_overdue.3 \
	man/man3/mediate_case_joint_body_at.3 \
	man/man3/mediate_case_joint_body_count.3 \
	man/man3/mediate_case_list_append.3 \
	man/man3/mediate_case_list_at.3 \
	man/man3/mediate_case_list_count.3 \
	man/man3/mediate_case_list_free.3 \
	man/man3/mediate_case_list_from_yaml.3 \
	man/man3/mediate_case_list_load_file.3 \
	man/man3/mediate_case_list_new.3 \
	man/man3/mediate_case_list_to_yaml.3 \
	man/man3/mediate_case_mediation_due.3 \
	man/man3/mediate_case_mediator_at.3 \
	man/man3/mediate_case_mediator_count.3 \
	man/man3/mediate_case_mediator_find.3 \
	man/man3/mediate_case_mediator_get_role.3 \
	man/man3/mediate_case_mediator_id.3 \
	man/man3/mediate_case_mediator_name.3 \
	man/man3/mediate_case_mediator_role_name.3 \
	man/man3/mediate_case_mediator_role_parse.3 \
	man/man3/mediate_case_mode_name.3 \
	man/man3/mediate_case_mode_parse.3 \
	man/man3/mediate_case_new.3 \
	man/man3/mediate_case_number.3 \
	man/man3/mediate_case_number_format.3 \
	man/man3/mediate_case_offset.3 \
	man/man3/mediate_case_outcome_name.3 \
	man/man3/mediate_case_outcome_parse.3 \
	man/man3/mediate_case_party_at.3 \
	man/man3/mediate_case_party_count.3 \
	man/man3/mediate_case_party_find.3 \
	man/man3/mediate_case_party_set_address.3 \
	man/man3/mediate_case_party_set_document.3 \
	man/man3/mediate_case_party_set_flags.3 \
	man/man3/mediate_case_party_set_kind.3 \
	man/man3/mediate_case_party_set_name.3 \
	man/man3/mediate_case_party_set_phone.3 \
	man/man3/mediate_case_party_set_represents.3 \
	man/man3/mediate_case_party_set_role.3 \
	man/man3/mediate_case_people_involved.3 \
	man/man3/mediate_case_policy.3 \
	man/man3/mediate_case_prior_police_calls.3 \
	man/man3/mediate_case_private_hearing.3 \
	man/man3/mediate_case_reach_agreement.3 \
	man/man3/mediate_case_received_at.3 \
	man/man3/mediate_case_remediation_count.3 \
	man/man3/mediate_case_remove_joint_body.3 \
	man/man3/mediate_case_remove_mediator.3 \
	man/man3/mediate_case_remove_party.3 \
	man/man3/mediate_case_remove_tag.3 \
	man/man3/mediate_case_risk_name.3 \
	man/man3/mediate_case_risk_parse.3 \
	man/man3/mediate_case_risks.3 \
	man/man3/mediate_case_schedule_followup.3 \
	man/man3/mediate_case_session_add_attendee.3 \
	man/man3/mediate_case_session_at.3 \
	man/man3/mediate_case_session_attendee_at.3 \
	man/man3/mediate_case_session_attendee_count.3 \
	man/man3/mediate_case_session_count.3 \
	man/man3/mediate_case_session_is_video.3 \
	man/man3/mediate_case_session_notes.3 \
	man/man3/mediate_case_session_place.3 \
	man/man3/mediate_case_session_time.3 \
	man/man3/mediate_case_set_address.3 \
	man/man3/mediate_case_set_amount.3 \
	man/man3/mediate_case_set_category.3 \
	man/man3/mediate_case_set_coordinates.3 \
	man/man3/mediate_case_set_description.3 \
	man/man3/mediate_case_set_description_len.3 \
	man/man3/mediate_case_set_grid.3 \
	man/man3/mediate_case_set_id.3 \
	man/man3/mediate_case_set_mode.3 \
	man/man3/mediate_case_set_number.3 \
	man/man3/mediate_case_set_people_involved.3 \
	man/man3/mediate_case_set_prior_police_calls.3 \
	man/man3/mediate_case_set_private_hearing.3 \
	man/man3/mediate_case_set_risks.3 \
	man/man3/mediate_case_set_source.3 \
	man/man3/mediate_case_source_name.3 \
	man/man3/mediate_case_source_parse.3 \
	man/man3/mediate_case_source_ref.3 \
	man/man3/mediate_case_state_name.3 \
	man/man3/mediate_case_state_parse.3 \
	man/man3/mediate_case_tag_at.3 \
	man/man3/mediate_case_tag_count.3 \
	man/man3/mediate_case_to_yaml.3 \
	man/man3/mediate_case_transfer.3 \
	man/man3/mediate_case_transfer_body.3 \
	man/man3/mediate_case_transfer_kind.3 \
	man/man3/mediate_case_transition.3 \
	man/man3/mediate_case_transition_allowed.3 \
	man/man3/mediate_case_unit.3 \
	man/man3/mediate_category_code.3 \
	man/man3/mediate_category_depth.3 \
	man/man3/mediate_category_index.3 \
	man/man3/mediate_category_is_within.3 \
	man/man3/mediate_category_name.3 \
	man/man3/mediate_category_parent.3 \
	man/man3/mediate_confirmation_status_name.3 \
	man/man3/mediate_confirmation_status_parse.3 \
	man/man3/mediate_duty_name.3 \
	man/man3/mediate_duty_parse.3 \
	man/man3/mediate_error_clear.3 \
	man/man3/mediate_error_format.3 \
	man/man3/mediate_error_last.3 \
	man/man3/mediate_error_name.3 \
	man/man3/mediate_followup_actor.3 \
	man/man3/mediate_followup_get_result.3 \
	man/man3/mediate_followup_notes.3 \
	man/man3/mediate_followup_result_name.3 \
	man/man3/mediate_followup_result_parse.3 \
	man/man3/mediate_followup_time.3 \
	man/man3/mediate_free.3 \
	man/man3/mediate_id_compare.3 \
	man/man3/mediate_id_format.3 \
	man/man3/mediate_id_generate.3 \
	man/man3/mediate_id_is_nil.3 \
	man/man3/mediate_id_parse.3 \
	man/man3/mediate_load_options_init.3 \
	man/man3/mediate_mask_document.3 \
	man/man3/mediate_mask_phone.3 \
	man/man3/mediate_match_assign_batch.3 \
	man/man3/mediate_match_batch_assigned.3 \
	man/man3/mediate_match_batch_candidates.3 \
	man/man3/mediate_match_batch_count.3 \
	man/man3/mediate_match_batch_exact.3 \
	man/man3/mediate_match_batch_free.3 \
	man/man3/mediate_match_batch_mediator.3 \
	man/man3/mediate_match_batch_reason.3 \
	man/man3/mediate_match_batch_score.3 \
	man/man3/mediate_match_batch_total_score.3 \
	man/man3/mediate_match_component_name.3 \
	man/man3/mediate_match_component_parse.3 \
	man/man3/mediate_match_form_team.3 \
	man/man3/mediate_match_nearest.3 \
	man/man3/mediate_match_rank.3 \
	man/man3/mediate_match_reason_name.3 \
	man/man3/mediate_match_reason_parse.3 \
	man/man3/mediate_match_request.3 \
	man/man3/mediate_match_result_car.3 \
	man/man3/mediate_match_result_component.3 \
	man/man3/mediate_match_result_count.3 \
	man/man3/mediate_match_result_distance.3 \
	man/man3/mediate_match_result_examined.3 \
	man/man3/mediate_match_result_excluded_at.3 \
	man/man3/mediate_match_result_excluded_count.3 \
	man/man3/mediate_match_result_excluded_reason.3 \
	man/man3/mediate_match_result_free.3 \
	man/man3/mediate_match_result_mediator.3 \
	man/man3/mediate_match_result_score.3 \
	man/man3/mediate_match_team_count.3 \
	man/man3/mediate_match_team_covers.3 \
	man/man3/mediate_match_team_free.3 \
	man/man3/mediate_match_team_mediator.3 \
	man/man3/mediate_match_team_reason.3 \
	man/man3/mediate_match_team_score.3 \
	man/man3/mediate_match_team_total_score.3 \
	man/man3/mediate_match_team_uncovered.3 \
	man/man3/mediate_matcher_at.3 \
	man/man3/mediate_matcher_free.3 \
	man/man3/mediate_matcher_new.3 \
	man/man3/mediate_matcher_roster.3 \
	man/man3/mediate_mediator_capacity.3 \
	man/man3/mediate_mediator_coordinates.3 \
	man/man3/mediate_mediator_duty.3 \
	man/man3/mediate_mediator_duty_at.3 \
	man/man3/mediate_mediator_external_body.3 \
	man/man3/mediate_mediator_free_capacity.3 \
	man/man3/mediate_mediator_id.3 \
	man/man3/mediate_mediator_language_at.3 \
	man/man3/mediate_mediator_language_count.3 \
	man/man3/mediate_mediator_leave_at.3 \
	man/man3/mediate_mediator_leave_count.3 \
	man/man3/mediate_mediator_level.3 \
	man/man3/mediate_mediator_load.3 \
	man/man3/mediate_mediator_modes.3 \
	man/man3/mediate_mediator_name.3 \
	man/man3/mediate_mediator_offers.3 \
	man/man3/mediate_mediator_phone.3 \
	man/man3/mediate_mediator_post.3 \
	man/man3/mediate_mediator_proficiency.3 \
	man/man3/mediate_mediator_proficiency_at.3 \
	man/man3/mediate_mediator_recusal_at.3 \
	man/man3/mediate_mediator_recusal_count.3 \
	man/man3/mediate_mediator_recuses.3 \
	man/man3/mediate_mediator_speaks.3 \
	man/man3/mediate_mediator_specialty_at.3 \
	man/man3/mediate_mediator_specialty_count.3 \
	man/man3/mediate_mediator_staff_number.3 \
	man/man3/mediate_mediator_think_tank.3 \
	man/man3/mediate_mediator_unit.3 \
	man/man3/mediate_menu_count.3 \
	man/man3/mediate_menu_free.3 \
	man/man3/mediate_menu_mediator_at.3 \
	man/man3/mediate_menu_phone.3 \
	man/man3/mediate_menu_score.3 \
	man/man3/mediate_menu_total.3 \
	man/man3/mediate_money_add.3 \
	man/man3/mediate_money_format.3 \
	man/man3/mediate_money_mul.3 \
	man/man3/mediate_money_mul_ratio.3 \
	man/man3/mediate_money_parse.3 \
	man/man3/mediate_money_split.3 \
	man/man3/mediate_money_sub.3 \
	man/man3/mediate_party_address.3 \
	man/man3/mediate_party_doc_type_name.3 \
	man/man3/mediate_party_doc_type_of.3 \
	man/man3/mediate_party_doc_type_parse.3 \
	man/man3/mediate_party_document.3 \
	man/man3/mediate_party_document_masked.3 \
	man/man3/mediate_party_flag_name.3 \
	man/man3/mediate_party_flag_parse.3 \
	man/man3/mediate_party_flags.3 \
	man/man3/mediate_party_get_kind.3 \
	man/man3/mediate_party_get_role.3 \
	man/man3/mediate_party_id.3 \
	man/man3/mediate_party_kind_name.3 \
	man/man3/mediate_party_kind_parse.3 \
	man/man3/mediate_party_name.3 \
	man/man3/mediate_party_phone.3 \
	man/man3/mediate_party_phone_masked.3 \
	man/man3/mediate_party_represents.3 \
	man/man3/mediate_party_role_name.3 \
	man/man3/mediate_party_role_parse.3 \
	man/man3/mediate_pay_case_outcome.3 \
	man/man3/mediate_pay_line_amount.3 \
	man/man3/mediate_pay_line_case_number.3 \
	man/man3/mediate_pay_line_days.3 \
	man/man3/mediate_pay_line_get_kind.3 \
	man/man3/mediate_pay_line_kind_name.3 \
	man/man3/mediate_pay_line_kind_parse.3 \
	man/man3/mediate_pay_line_rule.3 \
	man/man3/mediate_pay_outcome_name.3 \
	man/man3/mediate_pay_outcome_parse.3 \
	man/man3/mediate_payroll_add_award.3 \
	man/man3/mediate_payroll_add_case.3 \
	man/man3/mediate_payroll_add_cases.3 \
	man/man3/mediate_payroll_add_deduction.3 \
	man/man3/mediate_payroll_compute.3 \
	man/man3/mediate_payroll_find.3 \
	man/man3/mediate_payroll_free.3 \
	man/man3/mediate_payroll_is_computed.3 \
	man/man3/mediate_payroll_new.3 \
	man/man3/mediate_payroll_payslip_at.3 \
	man/man3/mediate_payroll_payslip_count.3 \
	man/man3/mediate_payroll_period.3 \
	man/man3/mediate_payroll_set_rating.3 \
	man/man3/mediate_payroll_to_csv.3 \
	man/man3/mediate_payroll_to_yaml.3 \
	man/man3/mediate_payroll_total.3 \
	man/man3/mediate_payroll_unit_at.3 \
	man/man3/mediate_payroll_unit_budget.3 \
	man/man3/mediate_payroll_unit_count.3 \
	man/man3/mediate_payroll_unit_total.3 \
	man/man3/mediate_payslip_explain.3 \
	man/man3/mediate_payslip_line_at.3 \
	man/man3/mediate_payslip_line_count.3 \
	man/man3/mediate_payslip_mediator.3 \
	man/man3/mediate_payslip_rating_milli.3 \
	man/man3/mediate_payslip_to_yaml.3 \
	man/man3/mediate_payslip_total.3 \
	man/man3/mediate_policy_category_at.3 \
	man/man3/mediate_policy_category_count.3 \
	man/man3/mediate_policy_category_find.3 \
	man/man3/mediate_policy_free.3 \
	man/man3/mediate_policy_language.3 \
	man/man3/mediate_policy_load_buffer.3 \
	man/man3/mediate_policy_load_file.3 \
	man/man3/mediate_policy_match_car_base.3 \
	man/man3/mediate_policy_match_car_code.3 \
	man/man3/mediate_policy_match_car_count.3 \
	man/man3/mediate_policy_match_car_name.3 \
	man/man3/mediate_policy_match_team_size.3 \
	man/man3/mediate_policy_match_weight.3 \
	man/man3/mediate_policy_name.3 \
	man/man3/mediate_policy_unit_at.3 \
	man/man3/mediate_policy_unit_count.3 \
	man/man3/mediate_policy_unit_find.3 \
	man/man3/mediate_policy_version.3 \
	man/man3/mediate_post_type_name.3 \
	man/man3/mediate_post_type_parse.3 \
	man/man3/mediate_resident_id_birth_date.3 \
	man/man3/mediate_resident_id_check.3 \
	man/man3/mediate_roster_add.3 \
	man/man3/mediate_roster_add_language.3 \
	man/man3/mediate_roster_add_leave.3 \
	man/man3/mediate_roster_add_recusal.3 \
	man/man3/mediate_roster_at.3 \
	man/man3/mediate_roster_clear_coordinates.3 \
	man/man3/mediate_roster_count.3 \
	man/man3/mediate_roster_find.3 \
	man/man3/mediate_roster_find_staff.3 \
	man/man3/mediate_roster_free.3 \
	man/man3/mediate_roster_load_buffer.3 \
	man/man3/mediate_roster_load_file.3 \
	man/man3/mediate_roster_menu.3 \
	man/man3/mediate_roster_new.3 \
	man/man3/mediate_roster_policy.3 \
	man/man3/mediate_roster_remove.3 \
	man/man3/mediate_roster_remove_language.3 \
	man/man3/mediate_roster_remove_leave.3 \
	man/man3/mediate_roster_remove_recusal.3 \
	man/man3/mediate_roster_set_capacity.3 \
	man/man3/mediate_roster_set_coordinates.3 \
	man/man3/mediate_roster_set_duty.3 \
	man/man3/mediate_roster_set_external_body.3 \
	man/man3/mediate_roster_set_level.3 \
	man/man3/mediate_roster_set_load.3 \
	man/man3/mediate_roster_set_modes.3 \
	man/man3/mediate_roster_set_name.3 \
	man/man3/mediate_roster_set_phone.3 \
	man/man3/mediate_roster_set_post.3 \
	man/man3/mediate_roster_set_specialty.3 \
	man/man3/mediate_roster_set_think_tank.3 \
	man/man3/mediate_roster_set_unit.3 \
	man/man3/mediate_roster_to_yaml.3 \
	man/man3/mediate_strerror.3 \
	man/man3/mediate_time_add_days.3 \
	man/man3/mediate_time_add_months.3 \
	man/man3/mediate_time_format.3 \
	man/man3/mediate_time_from_civil.3 \
	man/man3/mediate_time_parse.3 \
	man/man3/mediate_time_to_civil.3 \
	man/man3/mediate_transfer_kind_name.3 \
	man/man3/mediate_transfer_kind_parse.3 \
	man/man3/mediate_unit_address.3 \
	man/man3/mediate_unit_code.3 \
	man/man3/mediate_unit_depth.3 \
	man/man3/mediate_unit_get_kind.3 \
	man/man3/mediate_unit_index.3 \
	man/man3/mediate_unit_is_within.3 \
	man/man3/mediate_unit_kind_name.3 \
	man/man3/mediate_unit_kind_parse.3 \
	man/man3/mediate_unit_name.3 \
	man/man3/mediate_unit_parent.3 \
	man/man3/mediate_utf8_length.3 \
	man/man3/mediate_utf8_validate.3 \
	man/man3/mediate_version.3 \
	man/man3/mediate_version_number.3
MEDIATE_MAN5 = \
	man/man5/mediate-case.5 \
	man/man5/mediate-ratings.5 \
	man/man5/mediate-roster.5 \
	man/man5/mediate-policy.5

dist_man_MANS += $(MEDIATE_MAN1) $(MEDIATE_MAN3) $(MEDIATE_MAN5)

# ---- make check ----
# The scripts run from the top build directory with $srcdir exported by the
# test driver; man/check.env hands them the page list and the tools, so they
# need nothing else from the environment (and can be run by hand).
MAN_CHECKS = \
	man/check-list.sh \
	man/check-lint.sh \
	man/check-coverage.sh \
	man/check-examples.sh
TESTS += $(MAN_CHECKS)
EXTRA_DIST += $(MAN_CHECKS) man/check-common.sh
check_SCRIPTS += man/check.env
CLEANFILES += man/check.env

man/check.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) man && { \
	  echo '# Written by make (man/local.mk) for the man/check-*.sh scripts.'; \
	  echo ': "$${MAN_PAGES=$(dist_man_MANS)}"'; \
	  echo ': "$${MAN_MANDOC=$(MANDOC)}"'; \
	  echo ': "$${MAN_NM=$(NM)}"'; \
	  echo ': "$${MAN_CC=$(CC)}"'; \
	  echo ': "$${MAN_CFLAGS=$(CFLAGS)}"'; \
	  echo ': "$${MAN_LIBTOOL=$(LIBTOOL)}"'; \
	} > $@-t && mv -f $@-t $@

# Grading (issue 4): one page per function of include/mediate/grade.h.
MEDIATE_MAN3_GRADE = \
	man/man3/mediate_case_clear_override.3 \
	man/man3/mediate_case_computed_level.3 \
	man/man3/mediate_case_level.3 \
	man/man3/mediate_case_level_override.3 \
	man/man3/mediate_case_level_override_actor.3 \
	man/man3/mediate_case_level_override_at.3 \
	man/man3/mediate_case_level_override_reason.3 \
	man/man3/mediate_case_level_points.3 \
	man/man3/mediate_case_override_level.3 \
	man/man3/mediate_case_regrade.3 \
	man/man3/mediate_grade.3 \
	man/man3/mediate_grade_batch.3 \
	man/man3/mediate_grade_result_deciding_rule.3 \
	man/man3/mediate_grade_result_due.3 \
	man/man3/mediate_grade_result_floor_level.3 \
	man/man3/mediate_grade_result_free.3 \
	man/man3/mediate_grade_result_joint_body_at.3 \
	man/man3/mediate_grade_result_joint_body_count.3 \
	man/man3/mediate_grade_result_level.3 \
	man/man3/mediate_grade_result_path.3 \
	man/man3/mediate_grade_result_points.3 \
	man/man3/mediate_grade_result_threshold_level.3 \
	man/man3/mediate_grade_result_trace_count.3 \
	man/man3/mediate_grade_result_trace_description.3 \
	man/man3/mediate_grade_result_trace_fired.3 \
	man/man3/mediate_grade_result_trace_floor.3 \
	man/man3/mediate_grade_result_trace_points.3 \
	man/man3/mediate_grade_result_trace_rule.3 \
	man/man3/mediate_level_code.3 \
	man/man3/mediate_level_deadline_days.3 \
	man/man3/mediate_level_joint_body_at.3 \
	man/man3/mediate_level_joint_body_count.3 \
	man/man3/mediate_level_min_mediator_level.3 \
	man/man3/mediate_level_name.3 \
	man/man3/mediate_level_path.3 \
	man/man3/mediate_level_rank.3 \
	man/man3/mediate_level_requires_think_tank.3 \
	man/man3/mediate_level_threshold.3 \
	man/man3/mediate_policy_grading_allows_downgrade.3 \
	man/man3/mediate_policy_grading_rule_count.3 \
	man/man3/mediate_policy_grading_rule_id.3 \
	man/man3/mediate_policy_level_at.3 \
	man/man3/mediate_policy_level_count.3 \
	man/man3/mediate_policy_level_find.3 \
	man/man3/mediate_resolution_path_name.3 \
	man/man3/mediate_resolution_path_parse.3
dist_man_MANS += $(MEDIATE_MAN3_GRADE)

# Whistle -> dispatch -> report (issue 7): one page per function of
# include/mediate/route.h and include/mediate/calendar.h.
MEDIATE_MAN3_ROUTE = \
	man/man3/mediate_audit_verify.3 \
	man/man3/mediate_calendar_add_minutes.3 \
	man/man3/mediate_calendar_code.3 \
	man/man3/mediate_calendar_day_kind.3 \
	man/man3/mediate_calendar_minutes_between.3 \
	man/man3/mediate_calendar_name.3 \
	man/man3/mediate_calendar_next_working.3 \
	man/man3/mediate_calendar_offset.3 \
	man/man3/mediate_escalation_name.3 \
	man/man3/mediate_order_state_name.3 \
	man/man3/mediate_policy_calendar_at.3 \
	man/man3/mediate_policy_calendar_count.3 \
	man/man3/mediate_policy_calendar_find.3 \
	man/man3/mediate_return_reason_name.3 \
	man/man3/mediate_return_reason_parse.3 \
	man/man3/mediate_route_acknowledge.3 \
	man/man3/mediate_route_audit_at.3 \
	man/man3/mediate_route_audit_count.3 \
	man/man3/mediate_route_audit_head.3 \
	man/man3/mediate_route_check_in.3 \
	man/man3/mediate_route_confirm.3 \
	man/man3/mediate_route_dispatch.3 \
	man/man3/mediate_route_dispatch_auto.3 \
	man/man3/mediate_route_extension_decide.3 \
	man/man3/mediate_route_extension_request.3 \
	man/man3/mediate_route_finish.3 \
	man/man3/mediate_route_force.3 \
	man/man3/mediate_route_free.3 \
	man/man3/mediate_route_metrics_get.3 \
	man/man3/mediate_route_new.3 \
	man/man3/mediate_route_order_count.3 \
	man/man3/mediate_route_order_info.3 \
	man/man3/mediate_route_pause.3 \
	man/man3/mediate_route_progress.3 \
	man/man3/mediate_route_rate.3 \
	man/man3/mediate_route_recategorize.3 \
	man/man3/mediate_route_reopen.3 \
	man/man3/mediate_route_reroute.3 \
	man/man3/mediate_route_resume.3 \
	man/man3/mediate_route_return.3 \
	man/man3/mediate_route_supervise.3 \
	man/man3/mediate_route_task_info.3 \
	man/man3/mediate_route_tick.3 \
	man/man3/mediate_route_whistle.3 \
	man/man3/mediate_route_whistle_count.3 \
	man/man3/mediate_satisfaction_name.3 \
	man/man3/mediate_satisfaction_parse.3 \
	man/man3/mediate_task_state_name.3 \
	man/man3/mediate_urgency_name.3 \
	man/man3/mediate_urgency_parse.3
dist_man_MANS += $(MEDIATE_MAN3_ROUTE)

# The route store (include/mediate/route_store.h): the engine journaled in SQLite.
MEDIATE_MAN3_ROUTE_STORE = \
	man/man3/mediate_route_store_acknowledge.3 \
	man/man3/mediate_route_store_check_in.3 \
	man/man3/mediate_route_store_close.3 \
	man/man3/mediate_route_store_confirm.3 \
	man/man3/mediate_route_store_dispatch.3 \
	man/man3/mediate_route_store_dispatch_auto.3 \
	man/man3/mediate_route_store_extension_decide.3 \
	man/man3/mediate_route_store_extension_request.3 \
	man/man3/mediate_route_store_finish.3 \
	man/man3/mediate_route_store_force.3 \
	man/man3/mediate_route_store_journal_count.3 \
	man/man3/mediate_route_store_open.3 \
	man/man3/mediate_route_store_pause.3 \
	man/man3/mediate_route_store_progress.3 \
	man/man3/mediate_route_store_rate.3 \
	man/man3/mediate_route_store_recategorize.3 \
	man/man3/mediate_route_store_refresh.3 \
	man/man3/mediate_route_store_reopen.3 \
	man/man3/mediate_route_store_reroute.3 \
	man/man3/mediate_route_store_resume.3 \
	man/man3/mediate_route_store_return.3 \
	man/man3/mediate_route_store_route.3 \
	man/man3/mediate_route_store_supervise.3 \
	man/man3/mediate_route_store_tick.3 \
	man/man3/mediate_route_store_whistle.3
dist_man_MANS += $(MEDIATE_MAN3_ROUTE_STORE)

# Ratings of mediators (issue 5): one page per function of
# include/mediate/rating.h.
MEDIATE_MAN3_RATING = \
	man/man3/mediate_policy_rating_half_life_days.3 \
	man/man3/mediate_policy_rating_prior_milli.3 \
	man/man3/mediate_policy_rating_prior_weight.3 \
	man/man3/mediate_policy_rating_z_milli.3 \
	man/man3/mediate_rating_at.3 \
	man/man3/mediate_rating_case_number.3 \
	man/man3/mediate_rating_comment.3 \
	man/man3/mediate_rating_excluded.3 \
	man/man3/mediate_rating_exclusion_actor.3 \
	man/man3/mediate_rating_exclusion_at.3 \
	man/man3/mediate_rating_exclusion_reason.3 \
	man/man3/mediate_rating_mediator_at.3 \
	man/man3/mediate_rating_mediator_count.3 \
	man/man3/mediate_rating_party_id.3 \
	man/man3/mediate_rating_stars.3 \
	man/man3/mediate_ratings_add.3 \
	man/man3/mediate_ratings_at.3 \
	man/man3/mediate_ratings_count.3 \
	man/man3/mediate_ratings_exclude.3 \
	man/man3/mediate_ratings_find.3 \
	man/man3/mediate_ratings_free.3 \
	man/man3/mediate_ratings_load_buffer.3 \
	man/man3/mediate_ratings_load_file.3 \
	man/man3/mediate_ratings_new.3 \
	man/man3/mediate_ratings_record_case.3 \
	man/man3/mediate_ratings_summary.3 \
	man/man3/mediate_ratings_to_yaml.3
dist_man_MANS += $(MEDIATE_MAN3_RATING)
