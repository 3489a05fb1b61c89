#pragma once
// QuietOnCall(obj.gmock_M(), __FILE__, __LINE__): what ON_CALL(obj, M(_...)) does, without GoogleMock's
// "file:line: ON_CALL(obj, M(...)) invoked" info message. GoogleMock formats that message through two
// std::ostringstreams before it adds the spec, even when info messages are off (the default), which was 70%
// of an ON_CALL and a fifth of a clean 3-writer backup (bench/, docs/semantics.md "## Performance"). The
// spec is added exactly as ON_CALL adds it (FunctionMocker::AddNewOnCallSpec with the file and line, every
// argument matched by A<T>(), i.e. `_`), so it matches, shadows and reports like an ON_CALL; only the info
// line is missing. For the mocks' own ideal defaults only: tests use ON_CALL.
//
// AddNewOnCallSpec is protected and MockSpec's pointer to its FunctionMocker private (ON_CALL reaches both
// as a friend). Explicit instantiation does not check access to its template arguments, so the member
// pointers are taken there and handed out by a friend function found by argument-dependent lookup on a
// tag type; each signature needs VSSFAULT_QUIET_ON_CALL_SIGNATURE(signature) once, at namespace scope, in
// the .cpp that uses it (Debian 12's GoogleMock 1.12; a GoogleMock that renames these fails to compile).
#include <gmock/gmock.h>

namespace vssfault::mocks::detail {

template <class F>
struct MockerTag {};
template <class F>
using MockerPtr = ::testing::internal::FunctionMocker<F>* const ::testing::MockSpec<F>::*;
template <class F, MockerPtr<F> P>
struct MockerAccess {
  friend MockerPtr<F> mocker_member(MockerTag<F>) { return P; }
};

template <class F>
struct AdderTag {};
template <class F>
using AdderPtr = ::testing::internal::OnCallSpec<F>& (::testing::internal::FunctionMocker<F>::*)(
    const char*, int, const typename ::testing::internal::Function<F>::ArgumentMatcherTuple&);
template <class F, AdderPtr<F> P>
struct AdderAccess {
  friend AdderPtr<F> adder_member(AdderTag<F>) { return P; }
};

template <class F>
struct AnyArguments;
template <class R, class... A>
struct AnyArguments<R(A...)> {
  static typename ::testing::internal::Function<R(A...)>::ArgumentMatcherTuple make() {
    return typename ::testing::internal::Function<R(A...)>::ArgumentMatcherTuple(::testing::A<A>()...);
  }
};

/// `spec` is obj.gmock_M(...) (which registers obj with GoogleMock, as ON_CALL does); its matchers are
/// replaced by `_` for every argument.
template <class F>
::testing::internal::OnCallSpec<F>& QuietOnCall(const ::testing::MockSpec<F>& spec, const char* file, int line) {
  ::testing::internal::FunctionMocker<F>* mocker = spec.*mocker_member(MockerTag<F>{});
  return (mocker->*adder_member(AdderTag<F>{}))(file, line, AnyArguments<F>::make());
}

}  // namespace vssfault::mocks::detail

/// Grants QuietOnCall access for one mock function signature; inside namespace vssfault::mocks::detail.
#define VSSFAULT_QUIET_ON_CALL_SIGNATURE(...)                                                           \
  MockerPtr<__VA_ARGS__> mocker_member(MockerTag<__VA_ARGS__>);                                         \
  template struct MockerAccess<__VA_ARGS__, &::testing::MockSpec<__VA_ARGS__>::function_mocker_>;      \
  AdderPtr<__VA_ARGS__> adder_member(AdderTag<__VA_ARGS__>);                                            \
  template struct AdderAccess<__VA_ARGS__, &::testing::internal::FunctionMocker<__VA_ARGS__>::AddNewOnCallSpec>
